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

    public Evidence compare(PersonProfile left, PersonProfile right) {
        List<NameToken> a = NameToken.parse(left.allNames());
        List<NameToken> b = NameToken.parse(right.allNames());
        return new Evidence(MatchField.NAME, agreement(a, b), String.join(" ", left.allNames()),
                String.join(" ", right.allNames()));
    }

    /**
     * Agree: at least two parts match well and at most one part of the shorter name is left over. Partial:
     * one part matches well and another at least roughly, or both names are a single matching part. Weak:
     * one part matches. Disagree: none does.
     */
    static Agreement agreement(List<NameToken> a, List<NameToken> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Agreement.MISSING;
        }
        List<Double> aligned = align(a, b);
        long strong = aligned.stream().filter(s -> s >= STRONG).count();
        long rough = aligned.stream().filter(s -> s >= WEAK).count();
        int shorter = Math.min(a.size(), b.size());
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
        record Pair(int i, int j, double similarity) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                double similarity = a.get(i).similarity(b.get(j));
                if (similarity > 0) {
                    pairs.add(new Pair(i, j, similarity));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::similarity).reversed());
        boolean[] usedA = new boolean[a.size()];
        boolean[] usedB = new boolean[b.size()];
        List<Double> aligned = new ArrayList<>();
        for (Pair pair : pairs) {
            if (!usedA[pair.i()] && !usedB[pair.j()]) {
                usedA[pair.i()] = true;
                usedB[pair.j()] = true;
                aligned.add(pair.similarity());
            }
        }
        return aligned;
    }
}
