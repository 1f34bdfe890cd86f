package org.kinship.forms.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The choice codes a record already had before this save, per field key ({@code name} or
 * {@code group.name}): a retired lookup value stays acceptable where it was already recorded.
 */
final class PreviousValues {

    private final Map<String, Set<Object>> values = new HashMap<>();

    PreviousValues(@Nullable Map<String, ?> previous) {
        if (previous != null) {
            previous.forEach((name, value) -> {
                collect(name, value);
                if (value instanceof List<?> items) {
                    items.stream().filter(Map.class::isInstance).map(Map.class::cast).forEach(item ->
                            item.forEach((child, childValue) -> collect(name + "." + child, childValue)));
                }
            });
        }
    }

    private void collect(String key, @Nullable Object value) {
        Set<Object> codes = values.computeIfAbsent(key, k -> new HashSet<>());
        if (value instanceof List<?> list) {
            list.stream().filter(String.class::isInstance).forEach(codes::add);
        } else if (value instanceof String code) {
            codes.add(code);
        }
    }

    boolean had(String key, String code) {
        return values.getOrDefault(key, Set.of()).contains(code);
    }
}
