package org.kinship.ui.tracing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.kinship.forms.Lookup;
import org.kinship.forms.LookupSource;
import org.kinship.forms.LookupValue;
import org.kinship.tracing.FieldComparison;
import org.kinship.tracing.TracingSettings;
import org.springframework.stereotype.Component;

/**
 * The values of a side-by-side comparison as a reviewer reads them, in the user's language: the sex, a birth estimate
 * in words, places by the label of their location, relatives' relationships by the label of the relationship lookup.
 * Names and dates stay as written; a value of a shape not known here is shown as the engine gave it.
 */
final class ComparisonTexts {

    /** How the engine writes a birth estimate ({@code BirthEstimate.describe}): "born 2013.4 ± 2.0". */
    private static final Pattern BORN = Pattern.compile("born (\\d+(?:\\.\\d+)?) ± (\\d+(?:\\.\\d+)?)");
    /** A relative's relationship code after the name: "Amina Yusuf (mother)". */
    private static final Pattern RELATIONSHIP = Pattern.compile("\\(([a-z_]+)\\)");

    /** The lookups the texts come from, for the views to hand to their panels. */
    @Component
    static class Lookups {
        private final LookupSource source;
        private final TracingSettings settings;

        Lookups(LookupSource source, TracingSettings settings) {
            this.source = source;
            this.settings = settings;
        }

        ComparisonTexts texts(Locale locale, Translator translator) {
            return new ComparisonTexts(source, settings.locationLookup(), settings.relationshipLookup(), locale,
                    translator);
        }
    }

    /** The translation of a message key with parameters (a component's {@code getTranslation}). */
    @FunctionalInterface
    interface Translator {
        String text(String key, Object... parameters);
    }

    private final LookupSource lookups;
    private final String locationLookup;
    private final String relationshipLookup;
    private final String language;
    private final Translator translator;
    // one comparison shows a dozen values: each lookup is read once
    private final Map<String, Optional<Lookup>> cache = new HashMap<>();

    ComparisonTexts(LookupSource lookups, String locationLookup, String relationshipLookup, Locale locale,
            Translator translator) {
        this.lookups = lookups;
        this.locationLookup = locationLookup;
        this.relationshipLookup = relationshipLookup;
        this.language = locale.getLanguage();
        this.translator = translator;
    }

    String left(FieldComparison comparison) {
        return of(comparison, comparison.left());
    }

    String right(FieldComparison comparison) {
        return of(comparison, comparison.right());
    }

    private String of(FieldComparison comparison, String value) {
        if (value.isBlank()) {
            return value;
        }
        return switch (comparison.field()) {
            case SEX -> translator.text("tracing.sex." + value);
            case AGE -> born(value);
            case PLACE -> Arrays.stream(value.split("; ")).map(this::place).collect(Collectors.joining("; "));
            case FAMILY -> relationships(value);
            default -> value;
        };
    }

    private String born(String value) {
        Matcher born = BORN.matcher(value);
        if (!born.matches()) {
            return value;
        }
        long year = (long) Math.floor(Double.parseDouble(born.group(1)));
        long years = Math.round(Double.parseDouble(born.group(2)));
        return translator.text("tracing.value.born", Long.toString(year), Long.toString(years));
    }

    /** A location path ({@code TD/TD-OUADDAI/TD-ADRE}) by the label of its last location; a typed name as it is. */
    private String place(String value) {
        if (!value.contains("/")) {
            return value;
        }
        String code = value.substring(value.lastIndexOf('/') + 1);
        return lookup(locationLookup).flatMap(lookup -> lookup.values().stream()
                .filter(v -> v.value().equalsIgnoreCase(code)).findFirst()).map(this::label).orElse(value);
    }

    private String relationships(String value) {
        Optional<Lookup> relationships = lookup(relationshipLookup);
        if (relationships.isEmpty()) {
            return value;
        }
        Matcher code = RELATIONSHIP.matcher(value);
        StringBuilder shown = new StringBuilder();
        while (code.find()) {
            String label = relationships.get().value(code.group(1)).map(this::label).orElse(code.group(1));
            code.appendReplacement(shown, Matcher.quoteReplacement("(" + label + ")"));
        }
        code.appendTail(shown);
        return shown.toString();
    }

    private Optional<Lookup> lookup(String id) {
        return cache.computeIfAbsent(id, lookups::findLookup);
    }

    private String label(LookupValue value) {
        return value.label().getOrDefault(language, value.label().getOrDefault("en", value.value()));
    }
}
