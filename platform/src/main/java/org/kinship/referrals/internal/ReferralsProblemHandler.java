package org.kinship.referrals.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.kinship.cases.CaseNotFoundException;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.i18n.Messages;
import org.kinship.referrals.InvalidDirectoryDataException;
import org.kinship.referrals.ReferralRefusedException;
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

/**
 * Errors of the referral, transfer, assignment and directory APIs as RFC 9457 problem+json in the caller's
 * language: a transition from the wrong state is 409 with {@code state}; directory data problems are 422 with
 * {@code errors: [{row, column, message}]}; a case outside the caller's scope is 404. Refusals for missing
 * permissions are answered by the security feature's handler (403).
 */
@RestControllerAdvice(assignableTypes = {DirectoryController.class, CaseReferralController.class,
        ReferralController.class, TransferController.class})
class ReferralsProblemHandler {

    private final Messages messages;
    private final Problems problems;

    ReferralsProblemHandler(Messages messages, Problems problems) {
        this.messages = messages;
        this.problems = problems;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(ReferralRefusedException e, Locale locale) {
        HttpStatus status = switch (e.reason()) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        ProblemDetail problem = problem(status, locale, e.messageKey(), e.args());
        if (e.state() != null) {
            problem.setProperty("state", e.state());
        }
        return Problems.answer(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidDirectoryDataException e, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, locale, "referrals.directory.invalid",
                e.problems().size());
        problem.setProperty("errors", e.problems().stream().map(p -> {
            Map<String, Object> error = new LinkedHashMap<>();
            if (p.row() != null) {
                error.put("row", p.row());
            }
            error.put("column", p.column());
            error.put("message", p.message());
            return error;
        }).toList());
        return Problems.answer(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> caseNotFound(CaseNotFoundException e, Locale locale) {
        return Problems.answer(problem(HttpStatus.NOT_FOUND, locale, "cases.notFound"));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> caseRefused(CaseRequestRefusedException e, Locale locale) {
        HttpStatus status = e.reason() == CaseRequestRefusedException.Reason.CONFLICT ? HttpStatus.CONFLICT
                : HttpStatus.BAD_REQUEST;
        return Problems.answer(problem(status, locale, e.messageKey(), e.args()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> stale(StaleVersionException e, Locale locale) {
        return Problems.answer(problem(HttpStatus.PRECONDITION_FAILED, locale, "referrals.stale"));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e, Locale locale) {
        return Problems.answer(problem(HttpStatus.BAD_REQUEST, locale, "referrals.unreadable"));
    }

    /** Arguments that are message keys themselves (a consent reason, a purpose) are translated too. */
    private ProblemDetail problem(HttpStatus status, Locale locale, String key, Object... args) {
        Object[] shown = java.util.Arrays.stream(args).map(arg -> arg instanceof String text && text.contains(".")
                && messages.has(text) ? messages.get(locale, text) : arg).toArray();
        return problems.of(status, locale, key, shown);
    }
}
