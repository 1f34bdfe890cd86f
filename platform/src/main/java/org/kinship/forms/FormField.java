package org.kinship.forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One field of a form as the renderer needs it: the property of the JSON Schema plus its {@code x-kinship}
 * annotation. A repeating group has {@code children}; their conditions may refer to siblings as
 * {@code item.<name>}. {@code pointer} is the JSON Pointer of the property inside the schema document.
 */
public record FormField(
        String name,
        FieldKind kind,
        boolean required,
        @Nullable String section,
        int order,
        Map<String, String> label,
        Map<String, String> help,
        @Nullable String widget,
        List<FieldOption> options,
        @Nullable String lookup,
        boolean readOnly,
        @Nullable Object defaultValue,
        @Nullable String visibleWhen,
        @Nullable String calculate,
        boolean sensitive,
        boolean matchable,
        boolean notInFuture,
        boolean partialDate,
        @Nullable Integer minItems,
        @Nullable Integer maxItems,
        @Nullable String hierarchy,
        List<FormField> children,
        String pointer,
        Map<String, Object> constraints) {

    public FormField {
        label = Map.copyOf(label);
        help = Map.copyOf(help);
        options = List.copyOf(options);
        children = List.copyOf(children);
        constraints = Map.copyOf(constraints);
    }

    /** The label in {@code language}, falling back to English and then to the field name. */
    public String labelIn(String language) {
        return label.getOrDefault(language, label.getOrDefault("en", name));
    }

    public Optional<FormField> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    /** The lookup that lists this field's values: {@code lookup} for choices, {@code hierarchy} for locations. */
    public @Nullable String valueLookup() {
        return kind == FieldKind.LOCATION ? hierarchy : lookup;
    }

    /** Every attribute that {@link FormDiff} compares, by name; children are compared as fields of their own. */
    public Map<String, @Nullable Object> attributes() {
        Map<String, @Nullable Object> attributes = new LinkedHashMap<>();
        attributes.put("kind", kind);
        attributes.put("required", required);
        attributes.put("section", section);
        attributes.put("order", order);
        attributes.put("label", label);
        attributes.put("help", help);
        attributes.put("widget", widget);
        attributes.put("options", options);
        attributes.put("lookup", lookup);
        attributes.put("readOnly", readOnly);
        attributes.put("default", defaultValue);
        attributes.put("visibleWhen", visibleWhen);
        attributes.put("calculate", calculate);
        attributes.put("sensitive", sensitive);
        attributes.put("matchable", matchable);
        attributes.put("notInFuture", notInFuture);
        attributes.put("partialDate", partialDate);
        attributes.put("minItems", minItems);
        attributes.put("maxItems", maxItems);
        attributes.put("hierarchy", hierarchy);
        attributes.put("constraints", constraints);
        return attributes;
    }
}
