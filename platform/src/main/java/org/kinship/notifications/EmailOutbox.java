package org.kinship.notifications;

/**
 * The e-mails of notifications waiting to be sent. Each new notification of a user with an e-mail address is queued
 * (when {@link MailSettings#enabled() e-mail is configured}) and sent later by a background worker, never in the
 * request that caused it; a failed send is retried with a growing delay until {@code maxAttempts}, then kept as given
 * up for {@code failedRetention} and deleted.
 */
public interface EmailOutbox {

    /** Sends the queued messages that are due now; answers how many were sent. */
    int sendDue();

    /** Messages still waiting (due now or later), not counting those given up. */
    long pending();

    /** Messages given up after {@code maxAttempts} and not yet deleted ({@code failedRetention}). */
    long failed();
}
