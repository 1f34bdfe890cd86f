package org.kinship.tracing.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.kinship.tracing.Place;

/**
 * Places known under more than one name (a village with a local and an official name, a town renamed).
 * Spelling and script variants need no entry: place names are keyed by their consonant skeleton, so
 * "El Fasher", "Al-Fashir" and "الفاشر" already meet.
 */
public final class PlaceAliases {

    private static final Set<String> GENERIC_WORDS = Set.of("camp", "village", "town", "city", "district",
            "quartier", "ville", "site", "idp", "settlement", "zone", "area", "hay", "haï", "kampi", "mji");

    /**
     * How many locations a shared place name may stand for and still be compared with each of them ("Goz Amer" in two
     * districts); a name more locations carry is left a name.
     */
    public static final int MAX_SHARED = 3;

    private final Map<String, String> canonicalByKey = new HashMap<>();
    private final Map<String, String> pathByKey = new HashMap<>();
    private final Map<String, Set<String>> pathsByName = new HashMap<>();

    /** Each inner list is one place's names; the first is its canonical name. */
    public PlaceAliases(List<List<String>> groups) {
        this(groups, List.of());
    }

    /**
     * With a gazetteer: every location's name with its path (names may repeat), so a place told only by name is
     * placed in the hierarchy. A name (or alias) is looked up as written first, accents and case aside: a name up to
     * {@link #MAX_SHARED} locations carry stands for each of them. Only a spelling the gazetteer does not know is
     * looked up by its consonant skeleton, and only when one location has that skeleton. Aliases resolve to their
     * place's paths.
     */
    public PlaceAliases(List<List<String>> groups, Collection<Map.Entry<String, String>> gazetteer) {
        for (List<String> names : groups) {
            String canonical = rawKey(names.getFirst());
            names.forEach(name -> canonicalByKey.put(rawKey(name), canonical));
        }
        Map<String, String> byKey = new HashMap<>();
        for (Map.Entry<String, String> location : gazetteer) {
            String spelling = spelling(location.getKey());
            if (!spelling.isEmpty()) {
                pathsByName.computeIfAbsent(spelling, k -> new LinkedHashSet<>()).add(location.getValue());
            }
            String key = key(location.getKey());
            if (!key.isEmpty()) {
                // a skeleton two locations share is marked (empty) and never used
                byKey.merge(key, location.getValue(), (earlier, later) -> earlier.equals(later) ? earlier : "");
            }
        }
        for (List<String> names : groups) {
            Set<String> paths = pathsByName.getOrDefault(spelling(names.getFirst()), Set.of());
            if (!paths.isEmpty()) {
                names.forEach(alias -> pathsByName.computeIfAbsent(spelling(alias), k -> new LinkedHashSet<>())
                        .addAll(paths));
            }
        }
        byKey.forEach((key, path) -> {
            if (!path.isEmpty()) {
                pathByKey.put(key, path);
            }
        });
    }

    /**
     * The locations the place may be: its own path; or the paths of the locations its name is known under (up to
     * {@link #MAX_SHARED}); or none.
     */
    public List<String> paths(Place place) {
        if (place.locationPath() != null) {
            return List.of(place.locationPath());
        }
        if (place.name() == null) {
            return List.of();
        }
        Set<String> named = pathsByName.get(spelling(place.name()));
        if (named != null) {
            // a name more locations carry is not guessed at, by its spelling or its skeleton
            return named.size() <= MAX_SHARED ? List.copyOf(named) : List.of();
        }
        String byKey = pathByKey.get(key(place.name()));
        return byKey == null ? List.of() : List.of(byKey);
    }

    /** A place name as written, accents, case and generic words ("camp", "village") aside; any script. */
    static String spelling(String name) {
        return NameNormalizer.tokens(name).stream().filter(t -> !GENERIC_WORDS.contains(t))
                .collect(Collectors.joining(" "));
    }

    /** A few places from the emergencies Kinship was first used in; deployments add their own. */
    public static PlaceAliases defaults() {
        return new PlaceAliases(List.of(
                List.of("Geneina", "Al Junaynah", "Dar Masalit"),
                List.of("Kalma", "Beleil"),
                List.of("Mornei", "Murnei", "Mornay"),
                List.of("Kinshasa", "Leopoldville"),
                List.of("Lubumbashi", "Elisabethville"),
                List.of("Kisangani", "Stanleyville"),
                List.of("Adre", "Adré", "Adere"),
                List.of("Bor", "Bor Town"),
                List.of("Wau", "Waw"),
                List.of("Kakuma", "Kakuma Refugee Camp")));
    }

    /** The key two names of one place share. */
    public String key(String placeName) {
        String key = rawKey(placeName);
        return canonicalByKey.getOrDefault(key, key);
    }

    private static String rawKey(String name) {
        return NameNormalizer.tokens(name).stream().filter(t -> !GENERIC_WORDS.contains(t)).map(NameKeys::skeleton)
                .collect(Collectors.joining(" "));
    }
}
