package org.kinship.referrals.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupValue;

/**
 * The places above a location: from the {@code locations} lookup's parents when it knows the code, otherwise
 * from the code itself ({@code CD-NK-GOMA} lies in {@code CD-NK}, which lies in {@code CD}). Codes compare
 * without case.
 */
final class LocationHierarchy {

    private final Map<String, @Nullable String> parents = new HashMap<>();

    LocationHierarchy(@Nullable Lookup locations) {
        if (locations != null) {
            for (LookupValue value : locations.values()) {
                parents.put(norm(value.value()), value.parent() == null ? null : norm(value.parent()));
            }
        }
    }

    /** The place itself first, then each place above it. */
    List<String> chain(String location) {
        List<String> chain = new ArrayList<>();
        String current = norm(location);
        while (current != null && !chain.contains(current) && chain.size() < 32) {
            chain.add(current);
            if (parents.containsKey(current)) {
                current = parents.get(current);
            } else {
                int dash = current.lastIndexOf('-');
                current = dash > 0 ? current.substring(0, dash) : null;
            }
        }
        return chain;
    }

    boolean knows(String location) {
        return parents.isEmpty() || parents.containsKey(norm(location));
    }

    static String norm(String code) {
        return code.strip().toLowerCase(Locale.ROOT);
    }
}
