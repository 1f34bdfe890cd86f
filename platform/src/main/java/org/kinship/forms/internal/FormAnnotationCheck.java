package org.kinship.forms.internal;

import java.util.HashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/** The form as a whole: an object schema with properties, and a form-level {@code x-kinship}. */
final class FormAnnotationCheck {

    static final Set<String> FORM_KEYS = Set.of("formId", "label", "sections", "order", "recordType");
    private static final String ID_PATTERN = "[a-z][a-z0-9_-]{0,63}";

    private FormAnnotationCheck() {
    }

    /** Checks the form level and answers the declared section ids. */
    static Set<String> check(JsonNode root, Problems problems) {
        JsonNode schema = root.get("$schema");
        if (schema != null && !(schema.isString() && schema.stringValue().equals(SchemaEngine.DIALECT))) {
            problems.error("/$schema", "forms.definition.wrongDialect", SchemaEngine.DIALECT);
        }
        if (!root.path("type").isString() || !root.path("type").stringValue().equals("object")) {
            problems.error("/type", "forms.definition.notObjectSchema");
        }
        if (!root.path("properties").isObject() || root.path("properties").isEmpty()) {
            problems.error("/properties", "forms.definition.noFields");
        }
        if (!root.path("title").isString()) {
            problems.error("/title", "forms.definition.titleMissing");
        }
        JsonNode form = root.path(FormSchemaReader.ANNOTATION);
        if (!form.isObject()) {
            problems.error("/x-kinship", "forms.definition.formAnnotationMissing");
            return Set.of();
        }
        form.propertyNames().stream().filter(key -> !FORM_KEYS.contains(key))
                .forEach(key -> problems.error("/x-kinship/" + key, "forms.definition.unknownAnnotation", key));
        String formId = Json.text(form, "formId");
        if (formId == null || !formId.matches(ID_PATTERN)) {
            problems.error("/x-kinship/formId", "forms.definition.formIdInvalid");
        }
        if (form.has("label")) {
            LabelCheck.check(form.get("label"), "/x-kinship/label", problems, true);
        }
        return sections(form.path("sections"), problems);
    }

    private static Set<String> sections(JsonNode sections, Problems problems) {
        Set<String> ids = new HashSet<>();
        if (sections.isMissingNode()) {
            return ids;
        }
        if (!sections.isArray()) {
            problems.error("/x-kinship/sections", "forms.definition.sectionsNotList");
            return ids;
        }
        for (int i = 0; i < sections.size(); i++) {
            String pointer = "/x-kinship/sections/" + i;
            String id = Json.text(sections.get(i), "id");
            if (id == null || !id.matches(ID_PATTERN)) {
                problems.error(pointer + "/id", "forms.definition.sectionIdInvalid");
            } else if (!ids.add(id)) {
                problems.error(pointer + "/id", "forms.definition.duplicateSection", id);
            }
            LabelCheck.check(sections.get(i).get("label"), pointer + "/label", problems, true);
        }
        return ids;
    }
}
