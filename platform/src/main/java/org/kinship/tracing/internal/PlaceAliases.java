package org.kinship.tracing.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final Map<String, String> canonicalByKey = new HashMap<>();
    private final Map<String, String> pathByKey = new HashMap<>();
    private final Map<String, String> pathByName = new HashMap<>();
    private final Set<String> ambiguousNames = new HashSet<>();

    /** Each inner list is one place's names; the first is its canonical name. */
    public PlaceAliases(List<List<String>> groups) {
        this(groups, List.of());
    }

    /**
     * With a gazetteer: every location's name with its path (names may repeat), so a place told only by name is
     * placed in the hierarchy.
     * A name (or alias) is looked up as written first, accents and case aside, then by its consonant skeleton; a
     * name that two locations share stays unresolved (and is not guessed at by its skeleton). Aliases resolve to
     * their place's path.
     */
    public PlaceAliases(List<List<String>> groups, Collection<Map.Entry<String, String>> gazetteer) {
        for (List<String> names : groups) {
            String canonical = rawKey(names.getFirst());
            names.forEach(name -> canonicalByKey.put(rawKey(name), canonical));
        }
        Map<String, String> byName = new HashMap<>();
        Map<String, String> byKey = new HashMap<>();
        for (Map.Entry<String, String> location : gazetteer) {
            unique(byName, spelling(location.getKey()), location.getValue());
            unique(byKey, key(location.getKey()), location.getValue());
        }
        for (List<String> names : groups) {
            String path = byName.get(spelling(names.getFirst()));
            if (path != null && !path.isEmpty()) {
                names.forEach(alias -> unique(byName, spelling(alias), path));
            }
        }
        byName.forEach((name, path) -> {
            if (path.isEmpty()) {
                ambiguousNames.add(name);
            } else {
                pathByName.put(name, path);
            }
        });
        byKey.forEach((key, path) -> {
            if (!path.isEmpty()) {
                pathByKey.put(key, path);
            }
        });
    }

    /** Puts the path, or marks the name ambiguous (an empty path) when another location has it too. */
    private static void unique(Map<String, String> paths, String name, String path) {
        if (name.isEmpty()) {
            return;
        }
        paths.merge(name, path, (earlier, later) -> earlier.equals(later) ? earlier : "");
    }

    /** The place's location path, or the path its name is known under in the gazetteer. */
    public Optional<String> path(Place place) {
        if (place.locationPath() != null) {
            return Optional.of(place.locationPath());
        }
        if (place.name() == null) {
            return Optional.empty();
        }
        String spelling = spelling(place.name());
        String exact = pathByName.get(spelling);
        if (exact != null || ambiguousNames.contains(spelling)) {
            // a name several locations carry is not guessed at by its skeleton either
            return Optional.ofNullable(exact);
        }
        return Optional.ofNullable(pathByKey.get(key(place.name())));
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
