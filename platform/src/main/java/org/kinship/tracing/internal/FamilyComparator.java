package org.kinship.tracing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.kinship.tracing.Agreement;
import org.kinship.tracing.FamilyMember;
import org.kinship.tracing.MatchField;
import org.kinship.tracing.PersonProfile;

/**
 * Compares the relatives named on both sides (for a tracing request, the inquirer too) by relationship: a father
 * with a father, a mother with a mother, a relative whose relationship is not said (or a caregiver) with anyone.
 * The best agreement among the relatives that may be the same person counts (agree, partial, weak: one name part
 * alike, as two mothers both called Fatima, or disagree); when no relative on one side may be
 * one on the other (the request names the mother, the case only the father), the evidence is missing, not a
 * disagreement: two different relatives of the same child do not count against the pair. Only the parts of a
 * relative's name that are not the child's own names are compared (ADR 0026).
 */
public final class FamilyComparator {

    public Evidence compare(PersonProfile left, PersonProfile right) {
        String l = describe(left.familyMembers());
        String r = describe(right.familyMembers());
        if (left.familyMembers().isEmpty() || right.familyMembers().isEmpty()) {
            return Evidence.missing(MatchField.FAMILY, l, r);
        }
        List<List<NameToken>> leftParts = ownParts(left);
        List<List<NameToken>> rightParts = ownParts(right);
        @Nullable Agreement best = null;
        for (int i = 0; i < leftParts.size(); i++) {
            FamilyMember relative = left.familyMembers().get(i);
            List<NameToken> a = leftParts.get(i);
            for (int j = 0; j < rightParts.size(); j++) {
                List<NameToken> b = rightParts.get(j);
                if (a.isEmpty() || b.isEmpty() || !relative.mayBeSamePersonAs(right.familyMembers().get(j))) {
                    continue;
                }
                Agreement agreement = NameComparator.agreement(a, b);
                if (agreement == Agreement.AGREE || agreement == Agreement.FULL) {
                    return new Evidence(MatchField.FAMILY, Agreement.AGREE, l, r);
                }
                // partial over weak over disagree (agree and full have returned)
                if (best == null || agreement.ordinal() < best.ordinal()) {
                    best = agreement;
                }
            }
        }
        return best == null ? Evidence.missing(MatchField.FAMILY, l, r) : new Evidence(MatchField.FAMILY, best, l, r);
    }

    /**
     * The parts of a relative's name that are not also the child's own names: where a child carries the father's and
     * grandfather's names ("Mustafa Hussein Ali", son of "Hussein Ali"), the names already agreed as the child's and
     * agreeing again as the father's would be counted twice, and two children named alike would look like siblings.
     */
    private static List<List<NameToken>> ownParts(PersonProfile profile) {
        List<NameToken> child = NameToken.parse(profile.allNames());
        return profile.familyMembers().stream().map(relative -> ownParts(relative, child)).toList();
    }

    static List<NameToken> ownParts(FamilyMember relative, List<NameToken> child) {
        List<NameToken> parts = NameToken.parse(List.of(relative.name()));
        List<NameToken> own = new ArrayList<>(parts.size());
        for (NameToken part : parts) {
            if (!isChildsOwn(part, child)) {
                own.add(part);
            }
        }
        return own;
    }

    private static boolean isChildsOwn(NameToken part, List<NameToken> child) {
        for (NameToken name : child) {
            if (name.similarity(part) >= NameComparator.STRONG) {
                return true;
            }
        }
        return false;
    }

    private static String describe(List<FamilyMember> members) {
        return members.stream().map(FamilyMember::toString).collect(Collectors.joining("; "));
    }
}
