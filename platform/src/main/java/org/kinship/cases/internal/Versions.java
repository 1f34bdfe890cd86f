package org.kinship.cases.internal;

import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseRequestRefusedException.Reason;

/** Reads a case version from an {@code If-Match} header: {@code 7}, {@code "7"} or {@code W/"7"}. */
final class Versions {

    private Versions() {
    }

    static @Nullable Long parse(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.ifMatch.invalid");
        }
    }

    /** A change that must name the version it is based on came without {@code If-Match}. */
    static final class PreconditionRequired extends RuntimeException {
        PreconditionRequired() {
            super("If-Match required");
        }
    }
}
