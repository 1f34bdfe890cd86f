/**
 * Referral pathways in the browser: the referrals page (sent by me, received by me or my agency, status filter,
 * accept / reject / done / revoke) and the administrators' service directory (providers, spreadsheet import and
 * export).
 */
@NullMarked
package org.kinship.ui.referrals;

import org.jspecify.annotations.NullMarked;
