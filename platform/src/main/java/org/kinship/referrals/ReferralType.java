package org.kinship.referrals;

import java.util.List;
import java.util.Map;

/**
 * What a kind of referral shares: the case sections (module section ids) the recipient may read. Administrators
 * configure them ({@code PUT /api/v1/referral-types/{id}}).
 */
public record ReferralType(String id, Map<String, String> label, List<String> sectionIds, long version) {

    public ReferralType {
        label = Map.copyOf(label);
        sectionIds = List.copyOf(sectionIds);
    }
}
