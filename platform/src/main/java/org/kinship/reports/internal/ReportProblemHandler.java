package org.kinship.reports.internal;

import java.util.Locale;

import org.kinship.reports.ReportRefusedException;
import org.kinship.shared.StaleVersionException;
import org.kinship.shared.internal.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Errors of the reports, dashboard, aggregate and export APIs as RFC 9457 problem+json in the caller's
 * language; a refused field is named under {@code field}, a refused file under {@code file}.
 */
@RestControllerAdvice(basePackages = "org.kinship.reports")
class ReportProblemHandler {

    private final Problems problems;

    ReportProblemHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(ReportRefusedException e, Locale locale) {
        HttpStatus status = switch (e.reason()) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        ProblemDetail problem = problems.of(status, locale, e.messageKey(), e.args());
        problem.setProperty("code", e.messageKey());
        e.properties().forEach(problem::setProperty);
        return Problems.answer(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> stale(StaleVersionException e, Locale locale) {
        return problems.respond(HttpStatus.CONFLICT, locale, "reports.stale", e.id());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e, Locale locale) {
        return problems.respond(HttpStatus.BAD_REQUEST, locale, "reports.unreadable");
    }
}
