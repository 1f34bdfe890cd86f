package org.kinship.consent;

/**
 * Consent of a record was recorded or overridden (published after it is stored). Carries the record id only:
 * listeners ask {@link ConsentService#mayProceed} for what they need.
 */
public record ConsentChanged(String recordId) {
}
