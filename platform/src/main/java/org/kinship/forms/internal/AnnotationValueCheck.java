package org.kinship.forms.internal;

import java.util.Map;

import org.kinship.forms.FieldKind;
import org.kinship.forms.LookupSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

/**
 * The values of a field's {@code x-kinship} keys: each has its JSON type ({@code "order": "3"} is an error, not
 * a silent 0), and a choice's {@code default} is one of its options or active lookup values.
 */
final class AnnotationValueCheck {

    private static final Map<String, JsonNodeType> TYPES = Map.ofEntries(
            Map.entry("kind", JsonNodeType.STRING), Map.entry("section", JsonNodeType.STRING),
            Map.entry("order", JsonNodeType.NUMBER), Map.entry("label", JsonNodeType.OBJECT),
            Map.entry("help", JsonNodeType.OBJECT), Map.entry("widget", JsonNodeType.STRING),
            Map.entry("options", JsonNodeType.ARRAY), Map.entry("lookup", JsonNodeType.STRING),
            Map.entry("readOnly", JsonNodeType.BOOLEAN), Map.entry("sensitive", JsonNodeType.BOOLEAN),
            Map.entry("matchable", JsonNodeType.BOOLEAN), Map.entry("notInFuture", JsonNodeType.BOOLEAN),
            Map.entry("partialDate", JsonNodeType.BOOLEAN), Map.entry("hierarchy", JsonNodeType.STRING));

    private AnnotationValueCheck() {
    }

    static void check(RawField field, LookupSource lookups, Problems problems) {
        TYPES.forEach((key, type) -> {
            JsonNode value = field.annotation().get(key);
            boolean fits = value == null || value.getNodeType() == type && (!key.equals("order") || value.isIntegralNumber());
            if (!fits) {
                problems.error(field.annotationPointer(key), "forms.definition.annotationType", key,
                        key.equals("order") ? "integer" : type.name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        field.kind().ifPresent(kind -> checkDefault(field, kind, lookups, problems));
    }

    private static void checkDefault(RawField field, FieldKind kind, LookupSource lookups, Problems problems) {
        JsonNode value = field.annotation().get("default");
        if (value == null || (kind != FieldKind.SINGLE_CHOICE && kind != FieldKind.MULTIPLE_CHOICE)) {
            return;
        }
        for (JsonNode code : value.isArray() ? value : java.util.List.of(value)) {
            if (!code.isString() || !offered(field, code.stringValue(), lookups)) {
                problems.error(field.annotationPointer("default"), "forms.definition.defaultNotAnOption", code.toString());
            }
        }
    }

    private static boolean offered(RawField field, String code, LookupSource lookups) {
        String lookup = field.annotationText("lookup");
        if (lookup != null) {
            return lookups.findLookup(lookup).flatMap(l -> l.value(code)).filter(v -> !v.retired()).isPresent()
                    || lookups.findLookup(lookup).isEmpty();
        }
        for (JsonNode option : field.annotation().path("options")) {
            if (code.equals(Json.text(option, "value"))) {
                return true;
            }
        }
        return false;
    }
}
