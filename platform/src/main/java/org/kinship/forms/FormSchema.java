package org.kinship.forms;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

    public FormVersionRef ref(int version) {
        return new FormVersionRef(formId, version);
    }
}
