package org.kinship.tracing.internal;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.kinship.tracing.Agreement;
import org.kinship.tracing.MatchField;
import org.kinship.tracing.PersonProfile;
import org.kinship.tracing.Place;

/**
 * Compares places on the location hierarchy, best pair of places wins: the same location (or the same place
 * name, aliases included) agrees; the same parent (neighbouring villages of one district) or one place
 * inside the other partly agrees (places told by name are placed with the gazetteer when it knows the
 * name, a name up to three locations share as each of them; two located places are compared by their paths only, since
 * village names repeat across districts); the same region (first two levels) agrees weakly; otherwise disagree.
 */
public final class PlaceComparator {

    private final PlaceAliases aliases;

    public PlaceComparator(PlaceAliases aliases) {
        this.aliases = aliases;
    }

    public Evidence compare(PersonProfile left, PersonProfile right) {
        String l = describe(left.places());
        String r = describe(right.places());
        if (left.places().isEmpty() || right.places().isEmpty()) {
            return Evidence.missing(MatchField.PLACE, l, r);
        }
        Agreement best = Agreement.DISAGREE;
        for (Place a : left.places()) {
            for (Place b : right.places()) {
                Agreement agreement = agreement(a, b);
                if (agreement.ordinal() < best.ordinal()) {
                    best = agreement;
                }
            }
        }
        return new Evidence(MatchField.PLACE, best, l, r);
    }

    Agreement agreement(Place a, Place b) {
        List<String> pathsA = aliases.paths(a);
        List<String> pathsB = aliases.paths(b);
        if (!pathsA.isEmpty() && !pathsB.isEmpty()) {
            // a name several locations carry may be any of them: the best of each
            Agreement best = Agreement.DISAGREE;
            for (String pathA : pathsA) {
                for (String pathB : pathsB) {
                    Agreement agreement = byPath(List.of(pathA.split("/")), List.of(pathB.split("/")));
                    if (agreement.ordinal() < best.ordinal()) {
                        best = agreement;
                    }
                }
            }
            return best;
        }
        return sameName(a, b) ? Agreement.AGREE : Agreement.DISAGREE;
    }

    private static Agreement byPath(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Agreement.DISAGREE;
        }
        if (a.equals(b)) {
            return Agreement.AGREE;
        }
        int common = 0;
        while (common < Math.min(a.size(), b.size()) && a.get(common).equals(b.get(common))) {
            common++;
        }
        if (common >= 2 && (common >= Math.min(a.size(), b.size()) || common >= Math.max(a.size(), b.size()) - 1)) {
            return Agreement.PARTIAL;
        }
        return common >= 2 || (common == 1 && Math.min(a.size(), b.size()) == 1) ? Agreement.WEAK : Agreement.DISAGREE;
    }

    /** Free-text names compared with each other and with the last level of a coded location. */
    private boolean sameName(Place a, Place b) {
        List<String> keysA = names(a).stream().map(aliases::key).filter(k -> !k.isEmpty()).toList();
        return names(b).stream().map(aliases::key).anyMatch(keysA::contains);
    }

    private static List<String> names(Place place) {
        List<String> levels = place.levels();
        return java.util.stream.Stream.of(place.name(), levels.isEmpty() ? null : levels.getLast())
                .filter(Objects::nonNull).map(n -> n.replace('_', ' ')).toList();
    }

    private static String describe(List<Place> places) {
        return places.stream().map(p -> p.locationPath() != null ? p.locationPath() : p.name())
                .collect(Collectors.joining("; "));
    }
}
