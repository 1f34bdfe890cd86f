package org.kinship.forms.internal;

import org.jspecify.annotations.Nullable;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;

/** Who may do what in the forms API: administrators change forms and lookups, everyone signed in reads. */
final class ApiAccess {

    /** Thrown when a signed-in user who is not an administrator tries to change something; answered with 403. */
    static final class ForbiddenException extends RuntimeException {
        ForbiddenException() {
            super("administrators only");
        }
    }

    /** A malformed {@code If-Match} header; answered with 400. */
    static final class BadPreconditionException extends RuntimeException {
        BadPreconditionException(String header) {
            super("If-Match " + header + " is not a version");
        }
    }

    private ApiAccess() {
    }

    static boolean isAdministrator(KinshipUser user) {
        return user.hasRole(DefaultRoles.ADMINISTRATOR);
    }

    static void requireAdministrator(KinshipUser user) {
        if (!isAdministrator(user)) {
            throw new ForbiddenException();
        }
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version in an {@code If-Match} header ({@code "3"}, {@code W/"3"} or {@code 3}); null without one. */
    static @Nullable Long ifMatch(@Nullable String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String value = header.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadPreconditionException(header);
        }
    }
}
