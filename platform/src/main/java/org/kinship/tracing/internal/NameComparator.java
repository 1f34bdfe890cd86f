package org.kinship.tracing.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.kinship.tracing.Agreement;
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
     * common they are in the index).
     */
    public Evidence compare(PersonProfile left, PersonProfile right) {
        List<NameToken> a = NameToken.parse(left.allNames());
        List<NameToken> b = NameToken.parse(right.allNames());
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

    static Agreement agreement(List<NameToken> a, List<NameToken> b) {
        return agreement(a, b, align(a, b));
    }

    /**
     * Full: every part of both names matches well (at least two parts). Agree: at least two parts match well
     * and at most one part of the shorter name is left over. Partial: one part matches well and another at least
     * roughly, or both names are a single matching part. Weak: one part matches. Disagree: none does.
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
        if (strong >= 2 && strong >= shorter - 1) {
            return Agreement.AGREE;
        }
        if (strong >= 1 && (rough >= 2 || shorter == 1)) {
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
