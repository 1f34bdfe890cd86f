package org.kinship.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A named, translated list of options shared by forms (e.g. nationalities, services, the location
 * hierarchy). Value codes are stable: a value that data may use is never deleted, only retired, and a
 * retired value stays valid in data that already has it but is refused in new data. {@code version}
 * guards against lost updates.
 */
public record Lookup(String id, Map<String, String> name, List<LookupValue> values, long version) {

    public Lookup {
        name = Map.copyOf(name);
        values = List.copyOf(values);
    }

    public Optional<LookupValue> value(String code) {
        return values.stream().filter(v -> v.value().equals(code)).findFirst();
    }

    /** The values offered for new data: all but the retired ones. */
    public List<LookupValue> activeValues() {
        return values.stream().filter(v -> !v.retired()).toList();
    }

    /** The places directly under {@code parent} in a location hierarchy ({@code null}: the top level). */
    public List<LookupValue> childrenOf(@Nullable String parent) {
        return values.stream().filter(v -> java.util.Objects.equals(v.parent(), parent)).toList();
    }

    public Lookup withValues(List<LookupValue> newValues) {
        return new Lookup(id, name, newValues, version);
    }

    public Lookup withVersion(long newVersion) {
        return new Lookup(id, name, values, newVersion);
    }

    /** A copy with {@code code} retired; unknown codes are an error. */
    public Lookup retire(String code) {
        LookupValue existing = value(code).orElseThrow(() -> new LookupNotFoundException(id, code));
        List<LookupValue> changed = new ArrayList<>(values);
        changed.set(values.indexOf(existing), existing.asRetired());
        return withValues(changed);
    }

    /** A copy without {@code code}; callers check {@link LookupUsage} first. */
    public Lookup without(String code) {
        LookupValue existing = value(code).orElseThrow(() -> new LookupNotFoundException(id, code));
        List<LookupValue> changed = new ArrayList<>(values);
        changed.remove(existing);
        return withValues(changed);
    }
}
