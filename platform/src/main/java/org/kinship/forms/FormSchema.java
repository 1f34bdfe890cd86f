package org.kinship.forms;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.internal.FormSchemaReader;

/**
 * A form definition read for use: its id, title, sections and fields, and the schema text it came from
 * ({@code json}, kept verbatim for export and for validating data). Read a checked definition with
 * {@link #parse(String)}; {@link FormDefinitionValidator} tells what is wrong with an unchecked one.
 */
public record FormSchema(String formId, String title, @Nullable String recordType, int order,
        List<FormSection> sections, List<FormField> fields, String json) {

    public FormSchema {
        sections = List.copyOf(sections);
        fields = List.copyOf(fields);
    }

    /** Reads a definition; throws {@link IllegalArgumentException} when {@code json} is not a JSON object. */
    public static FormSchema parse(String json) {
        return FormSchemaReader.read(json);
    }

    public Optional<FormField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The fields of one section in display order ({@code x-kinship.order}, then as written). */
    public List<FormField> fieldsOf(String sectionId) {
        return fields.stream().filter(f -> Objects.equals(f.section(), sectionId))
                .sorted(Comparator.comparingInt(FormField::order)).toList();
    }

    /** Every field by dotted name: {@code name}, and {@code group.child} for fields of repeating groups. */
    public Map<String, FormField> allFields() {
        Map<String, FormField> all = new LinkedHashMap<>();
        for (FormField field : fields) {
            all.put(field.name(), field);
            field.children().forEach(child -> all.put(field.name() + "." + child.name(), child));
        }
        return all;
    }

    /** The initial values of a new record: every top-level field's {@code default}. */
    public Map<String, Object> defaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        fields.stream().filter(f -> f.defaultValue() != null).forEach(f -> defaults.put(f.name(), f.defaultValue()));
        return defaults;
    }

    /** The section with this id, for its label. */
    public Optional<FormSection> section(String sectionId) {
        return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
    }

    /**
     * Whether the form uses a lookup value: as the default of a field that takes its values from {@code lookupId},
     * or quoted in a condition or calculation that names such a field.
     */
    public boolean usesLookupValue(String lookupId, String value) {
        Map<String, FormField> all = allFields();
        List<String> lookupFields = all.entrySet().stream()
                .filter(entry -> lookupId.equals(entry.getValue().valueLookup())).map(Map.Entry::getKey).toList();
        return all.values().stream().anyMatch(field -> lookupId.equals(field.valueLookup()) && (value.equals(
                field.defaultValue()) || field.defaultValue() instanceof List<?> values && values.contains(value))
                || rules(field).anyMatch(rule -> quotes(rule, value)
                        && lookupFields.stream().anyMatch(name -> names(rule, name))));
    }

    /**
     * Whether a condition or calculation of another field names {@code fieldName} (a dotted name is named by its
     * last part, as {@code item.<name>} inside its group).
     */
    public boolean refersTo(String fieldName) {
        return allFields().entrySet().stream().filter(entry -> !entry.getKey().equals(fieldName))
                .anyMatch(entry -> rules(entry.getValue()).anyMatch(rule -> names(rule, fieldName)));
    }

    private static Stream<String> rules(FormField field) {
        return Stream.of(field.visibleWhen(), field.calculate()).filter(Objects::nonNull);
    }

    private static boolean names(String rule, String fieldName) {
        String name = fieldName.substring(fieldName.lastIndexOf('.') + 1);
        return java.util.regex.Pattern.compile("(?<![A-Za-z0-9_'\"])" + java.util.regex.Pattern.quote(name)
                + "(?![A-Za-z0-9_'\"])").matcher(rule).find();
    }

    private static boolean quotes(String rule, String value) {
        return rule.contains("'" + value + "'") || rule.contains("\"" + value + "\"");
    }

    public FormVersionRef ref(int version) {
        return new FormVersionRef(formId, version);
    }
}
