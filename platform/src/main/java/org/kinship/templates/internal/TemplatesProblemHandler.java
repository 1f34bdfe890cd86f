package org.kinship.templates.internal;

import java.util.Locale;
import java.util.Map;

import org.kinship.shared.internal.web.Problems;
import org.kinship.templates.PackageRefusedException;
import org.kinship.templates.UnresolvedConflictsException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals as RFC 9457 problem+json in the caller's language: 422 naming the reason (and the form problems; 409
 * while another apply runs, 500 when a step of the apply failed and was undone),
 * 409 listing conflicts that still need a choice, 400 for a bad key or resolution.
 */
@RestControllerAdvice(assignableTypes = TemplateController.class)
class TemplatesProblemHandler {

    private final Problems problems;

    TemplatesProblemHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(PackageRefusedException e, Locale locale) {
        HttpStatus status = switch (e.reason()) {
            case APPLY_IN_PROGRESS -> HttpStatus.CONFLICT;
            case APPLY_FAILED -> HttpStatus.INTERNAL_SERVER_ERROR;
            default -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        ProblemDetail problem = problems.of(status, locale, e.reason().messageKey(), e.detail());
        problem.setProperty("reason", e.reason().name());
        problem.setProperty("errors", e.problems().stream()
                .map(p -> Map.of("path", p.path(), "code", p.code(), "message", p.message())).toList());
        return Problems.answer(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> conflicts(UnresolvedConflictsException e, Locale locale) {
        ProblemDetail problem = problems.of(HttpStatus.CONFLICT, locale, "templates.api.conflicts", e.unresolved().size());
        problem.setProperty("conflicts", e.unresolved());
        return Problems.answer(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e, Locale locale) {
        return problems.respond(HttpStatus.BAD_REQUEST, locale, "templates.api.badRequest");
    }
}
