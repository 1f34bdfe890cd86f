package org.kinship.forms.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.networknt.schema.Error;
import org.kinship.forms.LookupSource;
import tools.jackson.databind.JsonNode;

/** Runs every check of a form definition and collects all problems (it never stops at the first). */
public final class DefinitionChecks {

    private DefinitionChecks() {
    }

    public static Problems check(String json, LookupSource lookups, Locale locale) {
        Problems problems = new Problems();
        Optional<JsonNode> parsed = Json.read(json);
        if (parsed.isEmpty()) {
            problems.error("", "forms.definition.notJson");
            return problems;
        }
        JsonNode root = parsed.get();
        if (!root.isObject()) {
            problems.error("", "forms.definition.notObject");
            return problems;
        }
        DuplicateKeys.find(json).forEach(pointer ->
                problems.error(pointer, "forms.definition.duplicateName", pointer.substring(pointer.lastIndexOf('/') + 1)));
        for (Error error : SchemaEngine.checkAgainstMetaSchema(root, locale)) {
            problems.error(SchemaEngine.pointer(error), "forms.definition.notSchema", error.getMessage());
        }
        checkReferences(root, "", problems);
        Set<String> sections = FormAnnotationCheck.check(root, problems);
        List<RawField> fields = RawField.walk(root);
        FieldAnnotationCheck fieldCheck = new FieldAnnotationCheck(lookups, sections, problems);
        fields.forEach(fieldCheck::check);
        checkRequired(root, "", problems);
        fields.stream().filter(f -> f.group() == null && f.property().path("items").isObject())
                .forEach(f -> checkRequired(f.property().get("items"), f.pointer() + "/items", problems));
        new RuleCheck(fields, problems).check();
        return problems;
    }

    private static void checkRequired(JsonNode objectSchema, String pointer, Problems problems) {
        JsonNode required = objectSchema.path("required");
        Set<String> names = new HashSet<>(objectSchema.path("properties").propertyNames());
        for (int i = 0; i < required.size(); i++) {
            JsonNode name = required.get(i);
            if (name.isString() && !names.contains(name.stringValue())) {
                problems.error(pointer + "/required/" + i, "forms.definition.requiredUnknown", name.stringValue());
            }
        }
    }

    /**
     * Only references inside the document ({@code "$ref": "#/$defs/name"}): a definition must not make the
     * server read other files or addresses when it validates data.
     */
    private static void checkReferences(JsonNode node, String pointer, Problems problems) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String child = Json.pointer(pointer, e.getKey());
                if ((e.getKey().equals("$ref") || e.getKey().equals("$dynamicRef"))
                        && !(e.getValue().isString() && e.getValue().stringValue().startsWith("#"))) {
                    problems.error(child, "forms.definition.externalRef");
                }
                checkReferences(e.getValue(), child, problems);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkReferences(node.get(i), pointer + "/" + i, problems);
            }
        }
    }
}
