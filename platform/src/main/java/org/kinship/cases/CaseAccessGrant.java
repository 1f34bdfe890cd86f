package org.kinship.cases;

import java.util.Set;

/**
 * Access to one case that a user holds outside their record scope, for example while a referral to them is
 * active: they may read the granted sections of the case and nothing else (no notes, flags, attachments or
 * history of other sections), and change nothing.
 *
 * @param sectionIds the module section ids the user may read
 * @param source     what grants it, for the access log (for example {@code referral:<id>}); never child data
 */
public record CaseAccessGrant(String caseId, Set<String> sectionIds, String source) {

    public CaseAccessGrant {
        sectionIds = Set.copyOf(sectionIds);
    }
}
