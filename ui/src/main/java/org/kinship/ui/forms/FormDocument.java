package org.kinship.ui.forms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.FieldKind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The form definition being designed, as a JSON tree the designer changes field by field. It does not judge
 * the definition: {@code FormDefinitionService.validate} does, on every change. A field is addressed by its
 * path: {@code name} at the top level, {@code group/name} inside a repeating group.
 */
final class FormDocument {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Map<String, Object> root;

    private FormDocument(Map<String, Object> root) {
        this.root = root;
    }

    /** Parses a definition; throws {@link IllegalArgumentException} when the text is not a JSON object. */
    static FormDocument parse(String json) {
        try {
            Object value = JSON.readValue(json, Object.class);
            if (!(value instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("A form definition is a JSON object");
            }
            return new FormDocument(FormDocumentMaps.object(value));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A new, valid definition with one section and one field, to start designing from. */
    static FormDocument blank(String formId, String title) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "urn:kinship:form:" + formId);
        root.put("title", title);
        root.put("type", "object");
        Map<String, Object> kinship = new LinkedHashMap<>();
        kinship.put("formId", formId);
        kinship.put("label", new LinkedHashMap<>(Map.of("en", title)));
        kinship.put("sections", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("id", "main", "label",
                new LinkedHashMap<>(Map.of("en", "Main")))))));
        root.put("x-kinship", kinship);
        root.put("properties", new LinkedHashMap<>());
        FormDocument document = new FormDocument(root);
        document.putField(null, null, FieldSpec.of("name", FieldKind.SHORT_TEXT, "main", "Name"));
        return document;
    }

    String toJson() {
        return JSON.writeValueAsString(root);
    }

    String formId() {
        return String.valueOf(kinship().getOrDefault("formId", ""));
    }

    Map<String, Object> kinship() {
        return FormDocumentMaps.child(root, "x-kinship");
    }

    List<String> sectionIds() {
        return FormDocumentMaps.list(kinship(), "sections").stream()
                .map(section -> String.valueOf(FormDocumentMaps.object(section).get("id"))).toList();
    }

    void addSection(String id, Map<String, String> labels) {
        if (sectionIds().contains(id)) {
            throw new DesignerException("designer.section.exists", id);
        }
        FormDocumentMaps.list(kinship(), "sections").add(new LinkedHashMap<>(Map.of("id", id, "label",
                new LinkedHashMap<>(labels))));
    }

    Map<String, String> sectionLabel(String id) {
        return FormDocumentMaps.list(kinship(), "sections").stream().map(FormDocumentMaps::object)
                .filter(section -> id.equals(section.get("id"))).findFirst()
                .map(section -> FormDocumentMaps.strings(section.get("label"))).orElse(Map.of());
    }

    void updateSection(String id, Map<String, String> labels) {
        FormDocumentMaps.list(kinship(), "sections").stream().map(FormDocumentMaps::object)
                .filter(section -> id.equals(section.get("id"))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No section " + id))
                .put("label", new LinkedHashMap<>(labels));
    }

    /** Moves a section up ({@code -1}) or down ({@code +1}); its fields move with it. */
    void moveSection(String id, int delta) {
        List<Object> sections = FormDocumentMaps.list(kinship(), "sections");
        int from = sectionIds().indexOf(id);
        int to = from + delta;
        if (from >= 0 && to >= 0 && to < sections.size()) {
            sections.add(to, sections.remove(from));
        }
    }

    /** Removes an empty section; a section that still has fields is refused so that no field loses its place. */
    void removeSection(String id) {
        boolean used = properties().values().stream().anyMatch(property -> id.equals(FormDocumentFields.section(property)));
        if (used) {
            throw new IllegalStateException("Section " + id + " still has fields");
        }
        FormDocumentMaps.list(kinship(), "sections").removeIf(section -> id.equals(FormDocumentMaps.object(section).get("id")));
    }

    /** Every field in display order: by section, then order; a group's fields right after the group. */
    List<FieldRow> rows() {
        List<FieldRow> rows = new ArrayList<>();
        for (String name : ordered(properties(), null)) {
            Map<String, Object> property = FormDocumentMaps.object(properties().get(name));
            rows.add(FieldRow.of(null, name, property));
            Map<String, Object> children = groupProperties(property);
            if (children != null) {
                ordered(children, null).forEach(child -> rows.add(FieldRow.of(name, child,
                        FormDocumentMaps.object(children.get(child)))));
            }
        }
        return rows;
    }

    Optional<FieldSpec> spec(String path) {
        String group = groupOf(path);
        Map<String, Object> owner = group == null ? root : FormDocumentMaps.object(items(group));
        boolean required = owner.get("required") instanceof List<?> names && names.contains(leaf(path));
        return property(path).map(property -> FormDocumentFields.read(leaf(path), property).withRequired(required));
    }

    /**
     * Adds ({@code originalPath == null}) or replaces a field. A renamed field keeps its place, its other JSON
     * and its {@code required} entry.
     */
    void putField(@Nullable String originalPath, @Nullable String group, FieldSpec spec) {
        Map<String, Object> container = container(group);
        Map<String, Object> owner = group == null ? root : FormDocumentMaps.object(items(group));
        Map<String, Object> existing = originalPath == null ? new LinkedHashMap<>()
                : property(originalPath).orElseThrow(() -> new IllegalArgumentException("No field " + originalPath));
        if (originalPath == null || !leaf(originalPath).equals(spec.name())) {
            if (container.containsKey(spec.name())) {
                throw new DesignerException("designer.field.exists", spec.name());
            }
        }
        if (originalPath == null && spec.section() != null) {
            int next = ordered(container, spec.section()).size() + 1;
            existing.put("x-kinship", new LinkedHashMap<>(Map.of("order", next)));
        }
        Map<String, Object> written = FormDocumentFields.write(existing, spec);
        Map<String, Object> replaced = new LinkedHashMap<>();
        boolean placed = false;
        for (Map.Entry<String, Object> entry : container.entrySet()) {
            if (originalPath != null && entry.getKey().equals(leaf(originalPath))) {
                replaced.put(spec.name(), written);
                placed = true;
            } else {
                replaced.put(entry.getKey(), entry.getValue());
            }
        }
        if (!placed) {
            replaced.put(spec.name(), written);
        }
        container.clear();
        container.putAll(replaced);
        List<Object> required = FormDocumentMaps.list(owner, "required");
        if (originalPath != null) {
            required.remove(leaf(originalPath));
        }
        if (spec.required()) {
            required.add(spec.name());
        }
        if (required.isEmpty()) {
            owner.remove("required");
        }
    }

    void remove(String path) {
        String group = groupOf(path);
        container(group).remove(leaf(path));
        Map<String, Object> owner = group == null ? root : FormDocumentMaps.object(items(group));
        FormDocumentMaps.list(owner, "required").remove(leaf(path));
        if (FormDocumentMaps.list(owner, "required").isEmpty()) {
            owner.remove("required");
        }
    }

    /** Moves a field up ({@code -1}) or down ({@code +1}) among the fields of its section and renumbers them. */
    void move(String path, int delta) {
        Map<String, Object> container = container(groupOf(path));
        Object section = FormDocumentMaps.child(FormDocumentMaps.object(container.get(leaf(path))), "x-kinship")
                .get("section");
        List<String> siblings = new ArrayList<>(ordered(container, section == null ? null : section.toString()));
        int from = siblings.indexOf(leaf(path));
        int to = from + delta;
        if (from < 0 || to < 0 || to >= siblings.size()) {
            return;
        }
        siblings.add(to, siblings.remove(from));
        for (int i = 0; i < siblings.size(); i++) {
            FormDocumentMaps.child(FormDocumentMaps.object(container.get(siblings.get(i))), "x-kinship")
                    .put("order", i + 1);
        }
    }

    private List<String> ordered(Map<String, Object> container, @Nullable String onlySection) {
        List<String> sections = sectionIds();
        List<String> names = new ArrayList<>(container.keySet());
        List<String> documentOrder = List.copyOf(names);
        if (onlySection != null) {
            names.removeIf(name -> !onlySection.equals(FormDocumentFields.section(container.get(name))));
        }
        names.sort(Comparator.<String>comparingInt(name -> sectionIndex(sections, container.get(name)))
                .thenComparingInt(name -> FormDocumentFields.order(container.get(name)))
                .thenComparingInt(documentOrder::indexOf));
        return names;
    }

    private static int sectionIndex(List<String> sections, Object property) {
        int index = sections.indexOf(FormDocumentFields.section(property));
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private Map<String, Object> properties() {
        return FormDocumentMaps.child(root, "properties");
    }

    private Optional<Map<String, Object>> property(String path) {
        Object value = container(groupOf(path)).get(leaf(path));
        return value instanceof Map<?, ?> ? Optional.of(FormDocumentMaps.object(value)) : Optional.empty();
    }

    private Map<String, Object> container(@Nullable String group) {
        return group == null ? properties() : FormDocumentMaps.child(FormDocumentMaps.object(items(group)), "properties");
    }

    private Object items(String group) {
        Map<String, Object> property = FormDocumentMaps.object(properties().get(group));
        return FormDocumentMaps.child(property, "items");
    }

    private static @Nullable Map<String, Object> groupProperties(Map<String, Object> property) {
        return property.get("items") instanceof Map<?, ?> items && items.get("properties") instanceof Map<?, ?> children
                ? FormDocumentMaps.object(children) : null;
    }

    static @Nullable String groupOf(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? null : path.substring(0, slash);
    }

    static String leaf(String path) {
        return path.substring(path.indexOf('/') + 1);
    }

    /** One line of the designer's field list. */
    record FieldRow(String path, @Nullable String group, String name, String kind, @Nullable String section,
            Map<String, String> label) {

        static FieldRow of(@Nullable String group, String name, Map<String, Object> property) {
            Map<String, Object> kinship = FormDocumentMaps.child(property, "x-kinship");
            return new FieldRow(group == null ? name : group + "/" + name, group, name,
                    String.valueOf(kinship.getOrDefault("kind", "")), FormDocumentFields.section(property),
                    FormDocumentMaps.strings(kinship.get("label")));
        }

        String labelIn(String language) {
            return label.getOrDefault(language, label.getOrDefault("en", name));
        }
    }
}
