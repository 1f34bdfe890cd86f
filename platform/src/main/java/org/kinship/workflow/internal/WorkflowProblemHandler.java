package org.kinship.workflow.internal;

import java.util.Locale;
import java.util.Map;

import org.kinship.cases.CaseNotFoundException;
import org.kinship.i18n.Messages;
import org.kinship.i18n.SupportedLocales;
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

    WorkflowProblemHandler(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidWorkflow(InvalidWorkflowException e, Locale locale) {
        Locale shown = SupportedLocales.bestMatch(locale);
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, shown, "workflow.invalid",
                e.problems().size());
        problem.setProperty("problems", e.problems().stream().map(p -> Map.of("code", p.code(),
                "element", p.element() == null ? "" : p.element(),
                "message", messages.get(shown, "workflow.problem." + p.code(), p.args().toArray()))).toList());
        return ResponseEntity.of(problem).build();
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
        ProblemDetail problem = problem(status, SupportedLocales.bestMatch(locale), e.messageKey(), e.args());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        return ResponseEntity.of(problem).build();
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> caseNotFound(CaseNotFoundException e, Locale locale) {
        return ResponseEntity.of(problem(HttpStatus.NOT_FOUND, SupportedLocales.bestMatch(locale),
                "workflow.case.notFound")).build();
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> taskNotFound(TaskNotFoundException e, Locale locale) {
        return ResponseEntity.of(problem(HttpStatus.NOT_FOUND, SupportedLocales.bestMatch(locale), "tasks.notFound"))
                .build();
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class, IllegalArgumentException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e, Locale locale) {
        return ResponseEntity.of(problem(HttpStatus.BAD_REQUEST, SupportedLocales.bestMatch(locale),
                "workflow.unreadable")).build();
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, Locale locale) {
        return ResponseEntity.of(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, SupportedLocales.bestMatch(locale),
                "workflow.mediaType")).build();
    }

    private ProblemDetail problem(HttpStatus status, Locale locale, String key, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.get(locale, key, args));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
