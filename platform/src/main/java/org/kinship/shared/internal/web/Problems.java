package org.kinship.shared.internal.web;

import java.util.Locale;

import org.kinship.i18n.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one way every feature's problem handler builds an RFC 9457 answer: the status's reason phrase as title,
 * the message of a bundle key in the caller's language as detail. Handlers add their own properties
 * ({@code code}, {@code errors}, ...) to what this returns.
 */
@Component
public class Problems {

    private final Messages messages;

    public Problems(Messages messages) {
        this.messages = messages;
    }

    /** A problem whose detail is the message {@code key} with {@code args}, in the caller's language. */
    public ProblemDetail of(HttpStatus status, Locale locale, String key, Object... args) {
        return withDetail(status, messages.get(locale, key, args));
    }

    /** The response carrying {@link #of} (the usual answer of an exception handler). */
    public ResponseEntity<ProblemDetail> respond(HttpStatus status, Locale locale, String key, Object... args) {
        return answer(of(status, locale, key, args));
    }

    /** A problem whose detail is already written (translated, or a validator's own message). */
    public static ProblemDetail withDetail(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    /** The response carrying a problem (its status is the problem's). */
    public static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.of(problem).build();
    }
}
