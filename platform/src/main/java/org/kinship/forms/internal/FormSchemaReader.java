package org.kinship.forms.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kinship.forms.FieldKind;
import org.kinship.forms.FieldOption;
import org.kinship.forms.FormField;
import org.kinship.forms.FormSchema;
import org.kinship.forms.FormSection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/** Reads a definition into a {@link FormSchema}, leniently: checking is the validator's job. */
public final class FormSchemaReader {

    static final String ANNOTATION = "x-kinship";
    private static final Set<String> NOT_CONSTRAINTS = Set.of(ANNOTATION, "properties", "items", "title", "description");

    private FormSchemaReader() {
    }

    public static FormSchema read(String json) {
        JsonNode root = Json.read(json).filter(JsonNode::isObject)
                .orElseThrow(() -> new IllegalArgumentException("a form definition is a JSON object"));
        JsonNode form = root.path(ANNOTATION);
        List<FormSection> sections = new ArrayList<>();
        for (JsonNode section : form.path("sections")) {
            String id = Json.text(section, "id");
            if (id != null) {
                sections.add(new FormSection(id, Json.labels(section.get("label"))));
            }
        }
        String formId = Json.text(form, "formId");
        String title = Json.text(root, "title");
        Integer order = Json.integer(form, "order");
        return new FormSchema(formId == null ? "" : formId, title == null ? "" : title,
                Json.text(form, "recordType"), order == null ? 0 : order, sections,
                fields(root, ""), json);
    }

    /** The fields of an object schema ({@code properties} + {@code required}) at {@code pointer}. */
    static List<FormField> fields(JsonNode objectSchema, String pointer) {
        Set<String> required = new HashSet<>();
        objectSchema.path("required").forEach(name -> required.add(name.asString("")));
        List<FormField> fields = new ArrayList<>();
        JsonNode properties = objectSchema.path("properties");
        if (properties.isObject()) {
            properties.properties().forEach(e -> field(e.getKey(), e.getValue(), required.contains(e.getKey()),
                    Json.pointer(pointer + "/properties", e.getKey()), fields));
        }
        return fields;
    }

    private static void field(String name, JsonNode property, boolean required, String pointer, List<FormField> into) {
        if (!property.isObject()) {
            return;
        }
        JsonNode x = property.path(ANNOTATION);
        FieldKind kind = FieldKind.fromCode(Json.text(x, "kind") == null ? "" : Json.text(x, "kind"))
                .orElse(FieldKind.SHORT_TEXT);
        List<FieldOption> options = new ArrayList<>();
        for (JsonNode option : x.path("options")) {
            String value = Json.text(option, "value");
            if (value != null) {
                options.add(new FieldOption(value, Json.labels(option.get("label"))));
            }
        }
        Integer order = Json.integer(x, "order");
        JsonNode defaultValue = x.has("default") ? x.get("default") : NullNode.getInstance();
        List<FormField> children = kind == FieldKind.REPEATING_GROUP
                ? fields(property.path("items"), pointer + "/items") : List.of();
        into.add(new FormField(name, kind, required, Json.text(x, "section"), order == null ? 0 : order,
                Json.labels(x.get("label")), Json.labels(x.get("help")), Json.text(x, "widget"), options,
                Json.text(x, "lookup"), Json.flag(x, "readOnly") || kind == FieldKind.CALCULATED,
                Json.toJava(defaultValue), Json.text(x, "visibleWhen"), Json.text(x, "calculate"),
                Json.flag(x, "sensitive"), Json.flag(x, "matchable"), Json.flag(x, "notInFuture"),
                Json.flag(x, "partialDate"), Json.integer(x, "minItems"), Json.integer(x, "maxItems"),
                Json.text(x, "hierarchy"), children, pointer, constraints(property)));
    }

    private static Map<String, Object> constraints(JsonNode property) {
        Map<String, Object> constraints = new LinkedHashMap<>();
        property.properties().forEach(e -> {
            Object value = Json.toJava(e.getValue());
            if (!NOT_CONSTRAINTS.contains(e.getKey()) && value != null) {
                constraints.put(e.getKey(), value);
            }
        });
        return constraints;
    }
}
