package org.kinship.tracing.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.kinship.tracing.Agreement;
import org.kinship.tracing.FamilyMember;
import org.kinship.tracing.MatchField;
import org.kinship.tracing.PersonProfile;

/**
 * Compares the child's names by the best one-to-one alignment of name parts, whatever their order: parts get
 * dropped, swapped (given and father's name) and spelled differently between registrations.
 */
public final class NameComparator {

    static final double STRONG = 0.85;
    static final double WEAK = 0.72;

    /**
     * The agreement level and the parts that agree well (by skeleton, so that the scorer can weigh them by how
     * common they are in the index). Names are also read with their lineage ({@link #withLineage}); the better of
     * the two readings counts.
     */
    public Evidence compare(PersonProfile left, PersonProfile right) {
        List<NameToken> a = parts(left);
        List<NameToken> b = parts(right);
        Evidence plain = compare(a, b, left, right);
        List<NameToken> longerA = withLineage(left, a);
        List<NameToken> longerB = withLineage(right, b);
        if (longerA == a && longerB == b) {
            return plain;
        }
        Evidence lineage = compare(longerA, longerB, left, right);
        boolean better = lineage.agreement().ordinal() < plain.agreement().ordinal()
                || lineage.agreement() == plain.agreement()
                        && lineage.agreeingParts().size() > plain.agreeingParts().size();
        if (!better) {
            return plain;
        }
        return new Evidence(MatchField.NAME, lineage.agreement(), describe(left, a, longerA),
                describe(right, b, longerB), lineage.agreeingParts());
    }

    private static List<NameToken> parts(PersonProfile profile) {
        return NameToken.parts(profile.givenNames(), profile.familyNames(), profile.otherNames());
    }

    private static Evidence compare(List<NameToken> a, List<NameToken> b, PersonProfile left, PersonProfile right) {
        List<Aligned> aligned = alignment(a, b);
        Agreement agreement = agreement(a, b, aligned.stream().map(Aligned::similarity).toList());
        List<Evidence.AgreeingPart> parts = agreement == Agreement.WEAK || agreement == Agreement.DISAGREE
                ? List.of()
                : aligned.stream().filter(p -> p.similarity() >= STRONG)
                        .map(p -> new Evidence.AgreeingPart(a.get(p.i()).skeleton(), b.get(p.j()).skeleton()))
                        .toList();
        return new Evidence(MatchField.NAME, agreement, String.join(" ", left.allNames()),
                String.join(" ", right.allNames()), parts);
    }

    /**
     * The child's name parts read with its lineage (ADR 0029): where names are given, father's, grandfather's (Arabic
     * and Somali naming), a father "Mahmud Idris" of "Aisha Mahmud" says the child is "Aisha Mahmud Idris". When a
     * relative who is the father (or whose relationship the record does not say) has the child's first family name as
     * his first name, his further names the child does not carry yet are read as the child's. The same list when
     * there is no such relative.
     */
    static List<NameToken> withLineage(PersonProfile profile, List<NameToken> names) {
        if (profile.familyNames().isEmpty() || profile.familyMembers().isEmpty()) {
            return names;
        }
        List<NameToken> family = NameToken.parse(List.of(profile.familyNames().getFirst()));
        if (family.isEmpty()) {
            return names;
        }
        List<NameToken> longer = null;
        for (FamilyMember relative : profile.familyMembers()) {
            if (!relative.relationship().equals("father") && !relative.relationship().isEmpty()) {
                continue;
            }
            List<NameToken> parts = NameToken.parse(List.of(relative.name()));
            if (parts.size() < 2 || parts.getFirst().similarity(family.getFirst()) < STRONG) {
                continue;
            }
            for (NameToken part : parts.subList(1, parts.size())) {
                List<NameToken> known = longer == null ? names : longer;
                if (known.stream().noneMatch(n -> n.similarity(part) >= STRONG)) {
                    longer = new ArrayList<>(known);
                    longer.add(part);
                }
            }
        }
        return longer == null ? names : List.copyOf(longer);
    }

    /** The names as written, and the parts read from the lineage after them: "Aisha Mahmud (+ idris)". */
    private static String describe(PersonProfile profile, List<NameToken> names, List<NameToken> longer) {
        String written = String.join(" ", profile.allNames());
        if (longer.size() == names.size()) {
            return written;
        }
        return written + " (+ " + String.join(" ", longer.subList(names.size(), longer.size()).stream()
                .map(NameToken::text).toList()) + ")";
    }

    static Agreement agreement(List<NameToken> a, List<NameToken> b) {
        return agreement(a, b, align(a, b));
    }

    /**
     * Full: every part of both names matches well (at least two parts). Agree: at least two parts match well and
     * so does every part of the shorter name (the longer name only says more). Partial: at least two parts match
     * well but a part of the shorter name has no match (the names conflict on it, ADR 0031), or one part matches
     * well and another at least roughly, or both names are a single matching part. Weak: one part matches.
     * Disagree: none does.
     */
    private static Agreement agreement(List<NameToken> a, List<NameToken> b, List<Double> aligned) {
        if (a.isEmpty() || b.isEmpty()) {
            return Agreement.MISSING;
        }
        long strong = aligned.stream().filter(s -> s >= STRONG).count();
        long rough = aligned.stream().filter(s -> s >= WEAK).count();
        int shorter = Math.min(a.size(), b.size());
        if (strong >= 2 && strong == Math.max(a.size(), b.size())) {
            return Agreement.FULL;
        }
        if (strong >= 2 && strong == shorter) {
            return Agreement.AGREE;
        }
        if (strong >= 2 || strong == 1 && (rough >= 2 || shorter == 1)) {
            return Agreement.PARTIAL;
        }
        return rough >= 1 ? Agreement.WEAK : Agreement.DISAGREE;
    }

    /** Similarities of the greedy best one-to-one alignment, best first. */
    static List<Double> align(List<NameToken> a, List<NameToken> b) {
        return alignment(a, b).stream().map(Aligned::similarity).toList();
    }

    /** Part {@code i} of one name aligned with part {@code j} of the other. */
    private record Aligned(int i, int j, double similarity) {
    }

    private static List<Aligned> alignment(List<NameToken> a, List<NameToken> b) {
        List<Aligned> pairs = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                double similarity = a.get(i).similarity(b.get(j));
                if (similarity > 0) {
                    pairs.add(new Aligned(i, j, similarity));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Aligned::similarity).reversed());
        boolean[] usedA = new boolean[a.size()];
        boolean[] usedB = new boolean[b.size()];
        List<Aligned> aligned = new ArrayList<>();
        for (Aligned pair : pairs) {
            if (!usedA[pair.i()] && !usedB[pair.j()]) {
                usedA[pair.i()] = true;
                usedB[pair.j()] = true;
                aligned.add(pair);
            }
        }
        return aligned;
    }
}
