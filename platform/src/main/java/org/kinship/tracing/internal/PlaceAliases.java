package org.kinship.tracing.internal;

import java.util.HashMap;
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

    /** Each inner list is one place's names; the first is its canonical name. */
    public PlaceAliases(List<List<String>> groups) {
        this(groups, Map.of());
    }

    /**
     * With a gazetteer: location paths by place name, so a place told only by name is placed in the hierarchy.
     * A name that two locations share stays unresolved.
     */
    public PlaceAliases(List<List<String>> groups, Map<String, String> pathsByName) {
        for (List<String> names : groups) {
            String canonical = rawKey(names.getFirst());
            names.forEach(name -> canonicalByKey.put(rawKey(name), canonical));
        }
        Map<String, String> ambiguous = new HashMap<>();
        pathsByName.forEach((name, path) -> {
            String key = key(name);
            String earlier = pathByKey.putIfAbsent(key, path);
            if (earlier != null && !earlier.equals(path)) {
                ambiguous.put(key, path);
            }
        });
        ambiguous.keySet().forEach(pathByKey::remove);
    }

    /** The place's location path, or the path its name is known under in the gazetteer. */
    public Optional<String> path(Place place) {
        if (place.locationPath() != null) {
            return Optional.of(place.locationPath());
        }
        return Optional.ofNullable(place.name()).map(this::key).map(pathByKey::get);
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
