package org.kinship.tracing.internal;

import java.util.List;

import org.kinship.tracing.Agreement;
import org.kinship.tracing.MatchField;
import org.kinship.tracing.PersonProfile;

/**
 * Compares the relatives named on both sides (for a tracing request, the inquirer too): the best agreement
 * between any relative on one side and any on the other.
 */
public final class FamilyComparator {

    public Evidence compare(PersonProfile left, PersonProfile right) {
        String l = String.join("; ", left.familyMemberNames());
        String r = String.join("; ", right.familyMemberNames());
        if (left.familyMemberNames().isEmpty() || right.familyMemberNames().isEmpty()) {
            return Evidence.missing(MatchField.FAMILY, l, r);
        }
        List<List<NameToken>> a = left.familyMemberNames().stream().map(n -> NameToken.parse(List.of(n))).toList();
        List<List<NameToken>> b = right.familyMemberNames().stream().map(n -> NameToken.parse(List.of(n))).toList();
        Agreement best = Agreement.DISAGREE;
        for (List<NameToken> relative : a) {
            for (List<NameToken> other : b) {
                Agreement agreement = NameComparator.agreement(relative, other);
                if (agreement == Agreement.AGREE || agreement == Agreement.FULL) {
                    return new Evidence(MatchField.FAMILY, Agreement.AGREE, l, r);
                }
                if (agreement == Agreement.PARTIAL) {
                    best = Agreement.PARTIAL;
                }
            }
        }
        return new Evidence(MatchField.FAMILY, best, l, r);
    }
}
