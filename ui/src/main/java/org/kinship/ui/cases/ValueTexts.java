package org.kinship.ui.cases;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.FieldOption;
import org.kinship.forms.FormField;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupService;
import org.kinship.forms.LookupValue;

/** Stored values as a reader sees them: choice codes as their labels in the user's language, yes/no, lists. */
final class ValueTexts {

    static final String EMPTY = "—";

    private final LookupService lookups;
    private final String language;
    private final Function<String, String> text;
    // a list renders many rows: each lookup is read once per screen
    private final Map<String, Optional<Lookup>> lookupCache = new HashMap<>();

    ValueTexts(LookupService lookups, Locale locale, Function<String, String> text) {
        this.lookups = lookups;
        this.language = locale.getLanguage();
        this.text = text;
    }

    String of(@Nullable FormField field, @Nullable Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return EMPTY;
        }
        if (value instanceof Boolean yes) {
            return text.apply(yes ? "forms.yes" : "forms.no");
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(v -> of(field, v)).collect(Collectors.joining(", "));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + of(childOf(field, e.getKey()), e.getValue()))
                    .collect(Collectors.joining("; "));
        }
        if (field != null && value instanceof String code) {
            return choice(field, code).orElse(code);
        }
        return String.valueOf(value);
    }

    /** The label of a choice code of the field: from its inline options or from its lookup. */
    Optional<String> choice(FormField field, String code) {
        Optional<String> option = field.options().stream().filter(o -> o.value().equals(code)).findFirst()
                .map(this::label);
        if (option.isPresent()) {
            return option;
        }
        String lookup = field.valueLookup();
        return lookup == null ? Optional.empty() : lookup(lookup).flatMap(l -> l.value(code)).map(this::label);
    }

    String text(String key) {
        return text.apply(key);
    }

    /** A risk level's label; "none" (not assessed yet) is the application's own word. */
    String risk(ModuleForms forms, String code) {
        if ("none".equals(code)) {
            return text.apply("cases.risk.none");
        }
        return indexed(forms, forms.module().indexedFields().riskLevel(), code);
    }

    /** The label of a code stored in one of the module's fields (sex, risk level, location). */
    String indexed(ModuleForms forms, String fieldName, @Nullable String code) {
        if (code == null || code.isBlank()) {
            return EMPTY;
        }
        return forms.field(fieldName).flatMap(field -> choice(field, code)).orElse(code);
    }

    /** The codes a choice field offers, in order: its inline options, else its lookup's active values. */
    List<String> codes(FormField field) {
        if (!field.options().isEmpty()) {
            return field.options().stream().map(FieldOption::value).toList();
        }
        String lookup = field.valueLookup();
        return lookup == null ? List.of() : lookup(lookup)
                .map(l -> l.activeValues().stream().map(LookupValue::value).toList()).orElse(List.of());
    }

    private Optional<Lookup> lookup(String id) {
        return lookupCache.computeIfAbsent(id, lookups::findLookup);
    }

    private String label(FieldOption option) {
        return option.label().getOrDefault(language, option.label().getOrDefault("en", option.value()));
    }

    private String label(LookupValue value) {
        return value.label().getOrDefault(language, value.label().getOrDefault("en", value.value()));
    }

    private static @Nullable FormField childOf(@Nullable FormField field, Object name) {
        return field == null ? null : field.child(String.valueOf(name)).orElse(null);
    }
}
