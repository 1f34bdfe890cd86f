/**
 * Referral pathways: the service directory (service types from the {@code service_types} lookup, providers
 * with the services, places and children they serve and their response target), service needs of a case
 * plan with provider suggestions, referrals (to an agency or a user, sharing only the sections of the
 * referral type, consent-gated), transfers and transfer requests (ownership moves on acceptance) and
 * assignments by supervisors. Every state change is audited and published as an event. See
 * {@code docs/referrals.md} and ADR 0015.
 */
@NullMarked
package org.kinship.referrals;

import org.jspecify.annotations.NullMarked;
