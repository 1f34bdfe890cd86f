package org.kinship.security.internal;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.kinship.i18n.Messages;
import org.kinship.i18n.SupportedLocales;
import org.kinship.security.PermissionDeniedException;
import org.kinship.shared.StaleVersionException;
import org.kinship.shared.internal.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 answers for refusals (403, for every feature), stale versions (409) and invalid requests (400) of
 * the security, audit and consent APIs. The refusal was audited where it was decided.
 */
@RestControllerAdvice(basePackages = {"org.kinship.security", "org.kinship.audit", "org.kinship.consent"})
class ProblemAdvice {

    private final Messages messages;

    ProblemAdvice(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(StaleVersionException.class)
    ProblemDetail stale(StaleVersionException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, messages.get(locale(request), "security.stale.message"));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, String.valueOf(e.getMessage()));
    }

    static ProblemDetail problem(HttpStatus status, String detail) {
        return Problems.withDetail(status, detail);
    }

    static Locale locale(HttpServletRequest request) {
        return SupportedLocales.bestMatch(request.getLocale());
    }

    /** Refusals from any feature's controller. */
    @RestControllerAdvice
    static class Refusals {

        private final Messages messages;

        Refusals(Messages messages) {
            this.messages = messages;
        }

        @ExceptionHandler(PermissionDeniedException.class)
        ProblemDetail denied(PermissionDeniedException e, HttpServletRequest request) {
            ProblemDetail problem = problem(HttpStatus.FORBIDDEN,
                    messages.get(locale(request), "security.denied.message"));
            problem.setProperty("reason", e.reason());
            return problem;
        }
    }
}
