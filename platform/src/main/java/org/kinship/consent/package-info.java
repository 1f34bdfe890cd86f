/**
 * Consent and data-protection wishes per child record (keyed by record id, so that case files, tracing
 * requests and referrals can all use it). Other features ask
 * {@link org.kinship.consent.ConsentService#mayProceed} before referring, transferring, tracing, sharing or
 * reporting; a supervisor may override a refusal with a reason, which is audited. See ADR 0005.
 */
@NullMarked
package org.kinship.consent;

import org.jspecify.annotations.NullMarked;
