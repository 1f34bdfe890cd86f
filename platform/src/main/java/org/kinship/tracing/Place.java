package org.kinship.tracing;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A place linked to a person (place of origin, of separation, last known address).
 *
 * @param locationPath the location hierarchy path from the country down, e.g. {@code SD/DARFUR/NYALA/KALMA},
 *                     or {@code null} when the place is only known by name
 * @param name         the place name as told, in any language or script, or {@code null}
 */
public record Place(@Nullable String locationPath, @Nullable String name) {

    public Place {
        if (locationPath != null) {
            locationPath = locationPath.trim().toUpperCase(java.util.Locale.ROOT);
            if (locationPath.isEmpty()) {
                locationPath = null;
            }
        }
        if (locationPath == null && (name == null || name.isBlank())) {
            throw new IllegalArgumentException("A place needs a location path or a name");
        }
    }

    public static Place at(String locationPath) {
        return new Place(locationPath, null);
    }

    public static Place named(String name) {
        return new Place(null, name);
    }

    /** The levels of the path, country first; empty when only a name is known. */
    public List<String> levels() {
        return locationPath == null ? List.of() : Arrays.asList(locationPath.split("/"));
    }
}
