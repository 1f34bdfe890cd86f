package org.kinship.forms.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.FieldKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A field as written in an unchecked definition: its name, where it is, its property and annotation
 * nodes, and the repeating group it belongs to (if any). The validator works on these.
 */
record RawField(String name, String pointer, JsonNode property, JsonNode annotation, @Nullable String group) {

    static List<RawField> walk(JsonNode root) {
        List<RawField> fields = new ArrayList<>();
        walk(root, "", null, fields);
        return fields;
    }

    private static void walk(JsonNode objectSchema, String pointer, @Nullable String group, List<RawField> into) {
        JsonNode properties = objectSchema.path("properties");
        if (!properties.isObject()) {
            return;
        }
        properties.properties().forEach(e -> {
            String fieldPointer = Json.pointer(pointer + "/properties", e.getKey());
            JsonNode annotation = e.getValue().isObject() ? e.getValue().path(FormSchemaReader.ANNOTATION)
                    : MissingNode.getInstance();
            RawField field = new RawField(e.getKey(), fieldPointer, e.getValue(), annotation, group);
            into.add(field);
            if (group == null && field.kind().filter(k -> k == FieldKind.REPEATING_GROUP).isPresent()) {
                walk(e.getValue().path("items"), fieldPointer + "/items", e.getKey(), into);
            }
        });
    }

    Optional<FieldKind> kind() {
        String kind = Json.text(annotation, "kind");
        return kind == null ? Optional.empty() : FieldKind.fromCode(kind);
    }

    /** {@code name} at the top level, {@code group.name} inside a repeating group. */
    String key() {
        return group == null ? name : group + "." + name;
    }

    String annotationPointer(String key) {
        return pointer + "/" + FormSchemaReader.ANNOTATION + "/" + key;
    }

    @Nullable String annotationText(String key) {
        return Json.text(annotation, key);
    }
}
