package org.kinship.consent;

import org.jspecify.annotations.Nullable;

/**
 * May a feature proceed for a purpose? {@code reason} is a message key ({@code consent.given},
 * {@code consent.refused}, {@code consent.notAsked}, {@code consent.notRecorded}, {@code consent.overridden},
 * {@code consent.doNotShareWith}) to show the user in their language.
 *
 * @param override the override that allowed it, when one did
 */
public record ConsentCheck(boolean allowed, String reason, @Nullable ConsentOverride override) {

    static ConsentCheck allowed(String reason) {
        return new ConsentCheck(true, reason, null);
    }

    static ConsentCheck denied(String reason) {
        return new ConsentCheck(false, reason, null);
    }
}
