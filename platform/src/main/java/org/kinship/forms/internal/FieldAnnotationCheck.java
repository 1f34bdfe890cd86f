package org.kinship.forms.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kinship.forms.FieldKind;
import org.kinship.forms.LookupSource;
import tools.jackson.databind.JsonNode;

/** Each field's {@code x-kinship}: a known kind, known keys that fit the kind, sections, labels, lookups. */
final class FieldAnnotationCheck {

    static final Set<String> FIELD_KEYS = Set.of("kind", "section", "order", "label", "help", "widget", "options",
            "lookup", "readOnly", "default", "visibleWhen", "calculate", "sensitive", "matchable", "notInFuture",
            "partialDate", "minItems", "maxItems", "hierarchy");

    /** Keys that only make sense for some kinds. */
    private static final Map<String, Set<FieldKind>> KIND_KEYS = Map.of(
            "options", Set.of(FieldKind.SINGLE_CHOICE, FieldKind.MULTIPLE_CHOICE, FieldKind.TALLY),
            "lookup", Set.of(FieldKind.SINGLE_CHOICE, FieldKind.MULTIPLE_CHOICE),
            "notInFuture", Set.of(FieldKind.DATE, FieldKind.DATE_TIME),
            "partialDate", Set.of(FieldKind.DATE),
            "minItems", Set.of(FieldKind.REPEATING_GROUP),
            "maxItems", Set.of(FieldKind.REPEATING_GROUP),
            "hierarchy", Set.of(FieldKind.LOCATION),
            "calculate", Set.of(FieldKind.CALCULATED));

    private final LookupSource lookups;
    private final Set<String> sections;
    private final Problems problems;

    FieldAnnotationCheck(LookupSource lookups, Set<String> sections, Problems problems) {
        this.lookups = lookups;
        this.sections = sections;
        this.problems = problems;
    }

    void check(RawField field) {
        if (!field.annotation().isObject()) {
            problems.error(field.pointer(), "forms.definition.kindMissing", field.name());
            return;
        }
        field.annotation().propertyNames().stream().filter(key -> !FIELD_KEYS.contains(key))
                .forEach(key -> problems.error(field.annotationPointer(key), "forms.definition.unknownAnnotation", key));
        String kindCode = field.annotationText("kind");
        if (field.kind().isEmpty()) {
            problems.error(field.annotationPointer("kind"), "forms.definition.unknownKind", String.valueOf(kindCode));
            return;
        }
        FieldKind kind = field.kind().orElseThrow();
        KIND_KEYS.forEach((key, kinds) -> {
            if (field.annotation().has(key) && !kinds.contains(kind)) {
                problems.error(field.annotationPointer(key), "forms.definition.annotationNotForKind", key, kind.code());
            }
        });
        checkType(field, kind);
        AnnotationValueCheck.check(field, lookups, problems);
        checkSection(field);
        LabelCheck.check(field.annotation().get("label"), field.annotationPointer("label"), problems, true);
        if (field.annotation().has("help")) {
            LabelCheck.check(field.annotation().get("help"), field.annotationPointer("help"), problems, false);
        }
        checkValues(field, kind);
        checkKindSpecifics(field, kind);
    }

    private void checkType(RawField field, FieldKind kind) {
        JsonNode type = field.property().get("type");
        boolean fits = kind == FieldKind.HEADING ? type == null
                : type != null && type.isString() && kind.jsonTypes().contains(type.stringValue());
        if (!fits) {
            problems.error(field.pointer() + "/type", "forms.definition.typeMismatch", kind.code(),
                    kind.jsonTypes().isEmpty() ? "-" : String.join(", ", kind.jsonTypes().stream().sorted().toList()));
        }
    }

    private void checkSection(RawField field) {
        String section = field.annotationText("section");
        if (section == null) {
            if (field.group() == null && !sections.isEmpty()) {
                problems.error(field.annotationPointer("section"), "forms.definition.sectionMissing");
            }
        } else if (!sections.contains(section)) {
            problems.error(field.annotationPointer("section"), "forms.definition.unknownSection", section);
        }
    }

    private void checkValues(RawField field, FieldKind kind) {
        JsonNode options = field.annotation().get("options");
        String lookup = field.annotationText("lookup");
        boolean choice = kind == FieldKind.SINGLE_CHOICE || kind == FieldKind.MULTIPLE_CHOICE;
        if ((choice && (options == null) == (lookup == null)) || (kind == FieldKind.TALLY && options == null)) {
            problems.error(field.annotationPointer("options"), "forms.definition.optionsMissing");
        }
        if (options != null) {
            checkOptions(field, options);
        }
        checkLookupExists(field, "lookup");
        checkLookupExists(field, "hierarchy");
    }

    private void checkOptions(RawField field, JsonNode options) {
        if (!options.isArray() || options.isEmpty()) {
            problems.error(field.annotationPointer("options"), "forms.definition.optionsMissing");
            return;
        }
        Set<String> values = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            String pointer = field.annotationPointer("options") + "/" + i;
            String value = Json.text(options.get(i), "value");
            if (value == null || value.isBlank()) {
                problems.error(pointer + "/value", "forms.definition.optionValueMissing");
            } else if (!values.add(value)) {
                problems.error(pointer + "/value", "forms.definition.duplicateOption", value);
            }
            LabelCheck.check(options.get(i).get("label"), pointer + "/label", problems, true);
        }
    }

    private void checkLookupExists(RawField field, String key) {
        String lookup = field.annotationText(key);
        if (lookup != null && lookups.findLookup(lookup).isEmpty()) {
            problems.error(field.annotationPointer(key), "forms.definition.unknownLookup", lookup);
        }
    }

    private void checkKindSpecifics(RawField field, FieldKind kind) {
        switch (kind) {
            case LOCATION -> {
                if (field.annotationText("hierarchy") == null) {
                    problems.error(field.annotationPointer("hierarchy"), "forms.definition.hierarchyMissing");
                }
            }
            case CALCULATED -> {
                if (field.annotationText("calculate") == null) {
                    problems.error(field.annotationPointer("calculate"), "forms.definition.calculateMissing");
                }
            }
            case REPEATING_GROUP -> checkGroup(field);
            default -> { }
        }
    }

    private void checkGroup(RawField field) {
        if (field.group() != null) {
            problems.error(field.annotationPointer("kind"), "forms.definition.nestedGroup");
        }
        JsonNode items = field.property().path("items");
        if (!items.path("type").isString() || !items.path("type").stringValue().equals("object")
                || !items.path("properties").isObject()) {
            problems.error(field.pointer() + "/items", "forms.definition.groupItemsMissing");
        }
        Integer min = Json.integer(field.annotation(), "minItems");
        Integer max = Json.integer(field.annotation(), "maxItems");
        for (String key : List.of("minItems", "maxItems")) {
            Integer value = Json.integer(field.annotation(), key);
            if (field.annotation().has(key) && (value == null || value < 0)) {
                problems.error(field.annotationPointer(key), "forms.definition.countInvalid");
            }
        }
        if (min != null && max != null && min > max) {
            problems.error(field.annotationPointer("minItems"), "forms.definition.minAboveMax", min, max);
        }
    }
}
