package org.kinship.tracing.internal;

import java.util.Locale;
import java.util.Map;

import org.kinship.shared.StaleVersionException;
import org.kinship.shared.internal.web.Problems;
import org.kinship.tracing.InvalidTracingRequestException;
import org.kinship.tracing.TracingRefusedException;
import org.kinship.tracing.TracingRequestNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the tracing API as RFC 9457 problem+json in the caller's language; form problems of a tracing
 * request under {@code errors} as {@code {path, code, message}}.
 */
@RestControllerAdvice(assignableTypes = {TracingRequestController.class, MatchController.class})
class TracingProblemHandler {

    /** A write that must name the version it is based on came without {@code If-Match}. */
    static final class PreconditionRequired extends RuntimeException {
        PreconditionRequired() {
            super("If-Match required");
        }
    }

    private final Problems problems;

    TracingProblemHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(TracingRequestNotFoundException e, Locale locale) {
        return problems.respond(HttpStatus.NOT_FOUND, locale, "tracing.notFound");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidTracingRequestException e, Locale locale) {
        ProblemDetail problem = problems.of(HttpStatus.UNPROCESSABLE_CONTENT, locale, "tracing.invalidData");
        problem.setProperty("errors", e.problems().stream()
                .map(p -> Map.of("path", p.path(), "code", p.code(), "message", p.message())).toList());
        return Problems.answer(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(TracingRefusedException e, Locale locale) {
        HttpStatus status = switch (e.reason()) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return problems.respond(status, locale, e.messageKey(), e.args());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> stale(StaleVersionException e, Locale locale) {
        return problems.respond(HttpStatus.PRECONDITION_FAILED, locale, "tracing.stale");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> ifMatchMissing(PreconditionRequired e, Locale locale) {
        return problems.respond(HttpStatus.PRECONDITION_REQUIRED, locale, "tracing.ifMatch.required");
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e, Locale locale) {
        return problems.respond(HttpStatus.BAD_REQUEST, locale, "tracing.unreadable");
    }
}
