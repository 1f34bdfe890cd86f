package org.kinship.ui.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.FieldKind;

/** Reads a field's JSON into a {@link FieldSpec} and writes a spec back, keeping what the spec does not cover. */
final class FormDocumentFields {

    private FormDocumentFields() {
    }

    static @Nullable String section(Object property) {
        Object section = FormDocumentMaps.child(FormDocumentMaps.object(property), "x-kinship").get("section");
        return section == null ? null : section.toString();
    }

    static int order(Object property) {
        return FormDocumentMaps.child(FormDocumentMaps.object(property), "x-kinship").get("order") instanceof Number n
                ? n.intValue() : Integer.MAX_VALUE;
    }

    static FieldSpec read(String name, Map<String, Object> property) {
        Map<String, Object> x = FormDocumentMaps.child(property, "x-kinship");
        FieldKind kind = FieldKind.fromCode(String.valueOf(x.get("kind"))).orElse(FieldKind.SHORT_TEXT);
        List<FieldSpec.Option> options = new ArrayList<>();
        if (x.get("options") instanceof List<?> list) {
            for (Object option : list) {
                Map<String, Object> o = FormDocumentMaps.object(option);
                options.add(new FieldSpec.Option(String.valueOf(o.get("value")), FormDocumentMaps.strings(o.get("label"))));
            }
        }
        return new FieldSpec(name, kind, text(x, "section"), FormDocumentMaps.strings(x.get("label")),
                FormDocumentMaps.strings(x.get("help")), false, flag(x, "readOnly"), flag(x, "sensitive"),
                flag(x, "matchable"), text(x, "widget"), options, text(x, "lookup"), text(x, "visibleWhen"),
                text(x, "calculate"), flag(x, "notInFuture"), flag(x, "partialDate"), number(x, "minItems"),
                number(x, "maxItems"), text(x, "hierarchy"));
    }

    /** The field's JSON for {@code spec}, starting from its current JSON {@code existing}. */
    static Map<String, Object> write(Map<String, Object> existing, FieldSpec spec) {
        Map<String, Object> property = new LinkedHashMap<>(existing);
        Map<String, Object> x = new LinkedHashMap<>(FormDocumentMaps.child(property, "x-kinship"));
        property.remove("x-kinship");
        writeType(property, spec);
        x.put("kind", spec.kind().code());
        put(x, "section", spec.section());
        x.put("label", new LinkedHashMap<>(spec.label()));
        put(x, "help", spec.help().isEmpty() ? null : new LinkedHashMap<>(spec.help()));
        put(x, "widget", spec.widget());
        put(x, "options", spec.kind().usesOptions() && !spec.options().isEmpty() ? options(spec) : null);
        put(x, "lookup", spec.kind().usesOptions() ? spec.lookup() : null);
        put(x, "visibleWhen", spec.visibleWhen());
        put(x, "calculate", spec.kind() == FieldKind.CALCULATED ? spec.calculate() : null);
        put(x, "hierarchy", spec.kind() == FieldKind.LOCATION ? spec.hierarchy() : null);
        put(x, "minItems", spec.kind() == FieldKind.REPEATING_GROUP ? spec.minItems() : null);
        put(x, "maxItems", spec.kind() == FieldKind.REPEATING_GROUP ? spec.maxItems() : null);
        flag(x, "readOnly", spec.readOnly());
        flag(x, "sensitive", spec.sensitive());
        flag(x, "matchable", spec.matchable());
        boolean dates = spec.kind() == FieldKind.DATE || spec.kind() == FieldKind.DATE_TIME;
        flag(x, "notInFuture", dates && spec.notInFuture());
        flag(x, "partialDate", spec.kind() == FieldKind.DATE && spec.partialDate());
        property.put("x-kinship", x);
        return property;
    }

    private static void writeType(Map<String, Object> property, FieldSpec spec) {
        switch (spec.kind()) {
            case INTEGER -> property.put("type", "integer");
            case DECIMAL -> property.put("type", "number");
            case YES_NO -> property.put("type", "boolean");
            case MULTIPLE_CHOICE -> {
                property.put("type", "array");
                property.put("items", new LinkedHashMap<>(Map.of("type", "string")));
            }
            case TALLY -> {
                property.put("type", "object");
                Map<String, Object> counts = new LinkedHashMap<>();
                spec.options().forEach(option -> counts.put(option.value(), Map.of("type", "integer", "minimum", 0)));
                counts.put("total", Map.of("type", "integer", "minimum", 0));
                property.put("properties", counts);
            }
            case REPEATING_GROUP -> {
                property.put("type", "array");
                Map<String, Object> items = FormDocumentMaps.child(property, "items");
                items.put("type", "object");
                FormDocumentMaps.child(items, "properties");
            }
            case CALCULATED -> property.putIfAbsent("type", "number");
            case HEADING -> property.remove("type");
            default -> property.put("type", "string");
        }
        if (spec.kind() != FieldKind.MULTIPLE_CHOICE && spec.kind() != FieldKind.REPEATING_GROUP) {
            property.remove("items");
        }
        if (spec.kind() != FieldKind.TALLY) {
            property.remove("properties");
        }
    }

    private static List<Object> options(FieldSpec spec) {
        List<Object> options = new ArrayList<>();
        spec.options().forEach(option -> options.add(new LinkedHashMap<>(Map.of("value", option.value(), "label",
                new LinkedHashMap<>(option.label())))));
        return options;
    }

    private static void put(Map<String, Object> x, String key, @Nullable Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            x.remove(key);
        } else {
            x.put(key, value);
        }
    }

    private static void flag(Map<String, Object> x, String key, boolean value) {
        if (value) {
            x.put(key, true);
        } else {
            x.remove(key);
        }
    }

    private static boolean flag(Map<String, Object> x, String key) {
        return Boolean.TRUE.equals(x.get(key));
    }

    private static @Nullable String text(Map<String, Object> x, String key) {
        Object value = x.get(key);
        return value == null ? null : value.toString();
    }

    private static @Nullable Integer number(Map<String, Object> x, String key) {
        return x.get(key) instanceof Number n ? n.intValue() : null;
    }
}
