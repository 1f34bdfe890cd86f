package org.kinship.templates;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupValue;

/**
 * What changed between two states of a lookup, value by value: values added, removed, retired (kept for the data
 * that has them, no longer offered) and relabelled, per language.
 */
public record LookupDiff(List<String> added, List<String> removed, List<String> retired, List<Relabel> relabelled) {

    /** A label of one value in one language: absent before (added language) or after (removed language). */
    public record Relabel(String value, String language, @Nullable String before, @Nullable String after) {
    }

    public LookupDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        retired = List.copyOf(retired);
        relabelled = List.copyOf(relabelled);
    }

    /** From {@code from} (absent: nothing yet, every value is added) to {@code to}. */
    public static LookupDiff between(@Nullable Lookup from, Lookup to) {
        List<String> added = new ArrayList<>();
        List<String> retired = new ArrayList<>();
        List<Relabel> relabelled = new ArrayList<>();
        for (LookupValue after : to.values()) {
            LookupValue before = from == null ? null : from.value(after.value()).orElse(null);
            if (before == null) {
                added.add(after.value());
                continue;
            }
            if (after.retired() && !before.retired()) {
                retired.add(after.value());
            }
            Set<String> languages = new LinkedHashSet<>(before.label().keySet());
            languages.addAll(after.label().keySet());
            for (String language : languages) {
                String old = before.label().get(language);
                String now = after.label().get(language);
                if (!Objects.equals(old, now)) {
                    relabelled.add(new Relabel(after.value(), language, old, now));
                }
            }
        }
        List<String> removed = from == null ? List.of() : from.values().stream().map(LookupValue::value)
                .filter(code -> to.value(code).isEmpty()).toList();
        return new LookupDiff(added, removed, retired, relabelled);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && retired.isEmpty() && relabelled.isEmpty();
    }
}
