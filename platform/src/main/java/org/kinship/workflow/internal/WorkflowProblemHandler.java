package org.kinship.workflow.internal;

import java.util.Locale;
import java.util.Map;

import org.kinship.cases.CaseNotFoundException;
import org.kinship.i18n.Messages;
import org.kinship.shared.internal.web.Problems;
import org.kinship.tasks.TaskNotFoundException;
import org.kinship.workflow.InvalidWorkflowException;
import org.kinship.workflow.WorkflowRequestRefusedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the workflow, service-level and task APIs as problem+json in the caller's language. An invalid BPMN
 * file answers 422 with {@code problems: [{code, element, message}]}; an invalid section on completion answers
 * 422 naming the section, with the field problems under {@code errors}.
 */
@RestControllerAdvice(basePackages = {"org.kinship.workflow.internal", "org.kinship.tasks.internal"})
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkflowProblemHandler {

    private final Messages messages;
    private final Problems problems;

    WorkflowProblemHandler(Messages messages, Problems problems) {
        this.messages = messages;
        this.problems = problems;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidWorkflow(InvalidWorkflowException e, Locale locale) {
        ProblemDetail problem = problems.of(HttpStatus.UNPROCESSABLE_CONTENT, locale, "workflow.invalid",
                e.problems().size());
        problem.setProperty("problems", e.problems().stream().map(p -> Map.of("code", p.code(),
                "element", p.element() == null ? "" : p.element(),
                "message", messages.get(locale, "workflow.problem." + p.code(), p.args().toArray()))).toList());
        return Problems.answer(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(WorkflowRequestRefusedException e, Locale locale) {
        HttpStatus status = switch (e.reason()) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        ProblemDetail problem = problems.of(status, locale, e.messageKey(), e.args());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        return Problems.answer(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> caseNotFound(CaseNotFoundException e, Locale locale) {
        return problems.respond(HttpStatus.NOT_FOUND, locale, "workflow.case.notFound");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> taskNotFound(TaskNotFoundException e, Locale locale) {
        return problems.respond(HttpStatus.NOT_FOUND, locale, "tasks.notFound");
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class, IllegalArgumentException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e, Locale locale) {
        return problems.respond(HttpStatus.BAD_REQUEST, locale, "workflow.unreadable");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, Locale locale) {
        return problems.respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, locale, "workflow.mediaType");
    }
}
