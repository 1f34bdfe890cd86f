package org.kinship.ui.forms;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import org.kinship.forms.FieldKind;
import org.kinship.forms.FormField;
import org.kinship.forms.FormProblem;
import org.kinship.forms.FormRules;
import org.kinship.forms.FormSchema;
import org.kinship.forms.FormSection;
import org.kinship.forms.FormState;
import org.kinship.i18n.SupportedLocales;

/**
 * A live form built from a form definition: sections in order, one editor per field, in the form's language
 * (Arabic right to left). Visibility conditions and calculations run through {@link FormRules}, the same code
 * the server runs on save, after every change. {@link #getData()} answers what would be stored: hidden fields
 * are left out. Fields whose values are withheld from the user ({@link #setMasked}) show a placeholder in
 * their place, are never editable and never part of {@link #getData()}.
 */
public class FormRenderer extends Composite<Div> {

    private final FormSchema schema;
    private final FormRules rules;
    private final RenderContext context;
    private final Map<String, FieldEditor> editors = new LinkedHashMap<>();
    private final Map<String, TextField> masks = new LinkedHashMap<>();
    private boolean readOnly;
    private boolean applying;

    public FormRenderer(FormSchema schema, RenderContext context) {
        this.schema = schema;
        this.rules = new FormRules(schema);
        this.context = context;
        Div root = getContent();
        root.addClassName("kinship-form");
        root.getElement().setAttribute("dir", SupportedLocales.isRightToLeft(context.locale()) ? "rtl" : "ltr");
        root.getElement().setAttribute("lang", context.language());
        if (schema.sections().isEmpty()) {
            root.add(layoutOf(schema.fields()));
        }
        for (FormSection section : schema.sections()) {
            H3 title = new H3(section.label().getOrDefault(context.language(), section.label().getOrDefault("en", section.id())));
            Div block = new Div(title, layoutOf(schema.fieldsOf(section.id())));
            block.addClassName("kinship-form-section");
            block.setId("section-" + section.id());
            root.add(block);
        }
        setData(defaults());
    }

    private FormLayout layoutOf(List<FormField> fields) {
        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        for (FormField field : fields) {
            FieldEditor editor = FieldEditors.create(field, context);
            editor.onChange(this::applyRules);
            editors.put(field.name(), editor);
            layout.add(editor.component());
            if (field.kind() == FieldKind.REPEATING_GROUP || field.kind() == FieldKind.HEADING
                    || field.kind() == FieldKind.LONG_TEXT || field.kind() == FieldKind.TALLY) {
                layout.setColspan(editor.component(), 2);
            }
        }
        return layout;
    }

    private Map<String, Object> defaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        schema.fields().stream().filter(f -> f.defaultValue() != null)
                .forEach(f -> defaults.put(f.name(), f.defaultValue()));
        return defaults;
    }

    /** Shows stored data (e.g. a case section) in the editors; fields not in {@code data} are emptied. */
    public void setData(Map<String, ?> data) {
        applying = true;
        try {
            editors.forEach((name, editor) -> editor.setValue(masks.containsKey(name) ? null : data.get(name)));
        } finally {
            applying = false;
        }
        applyRules();
    }

    /** What the user entered, as it would be stored: calculations filled in, hidden fields left out. */
    public Map<String, Object> getData() {
        return rules.apply(rawData(), today()).data();
    }

    private Map<String, Object> rawData() {
        Map<String, Object> data = new LinkedHashMap<>();
        editors.forEach((name, editor) -> {
            Object value = masks.containsKey(name) ? null : editor.value();
            if (value != null) {
                data.put(name, value);
            }
        });
        return data;
    }

    /** Puts each problem next to its field; problems for unknown paths are returned for a summary. */
    public List<FormProblem> showProblems(List<FormProblem> problems) {
        editors.values().forEach(editor -> editor.setError(null));
        editors.values().stream().filter(GroupEditor.class::isInstance).map(GroupEditor.class::cast)
                .forEach(group -> group.entries().forEach(entry -> entry.values().forEach(e -> e.setError(null))));
        return problems.stream().filter(problem -> !place(problem)).toList();
    }

    private boolean place(FormProblem problem) {
        String[] parts = problem.path().startsWith("/") ? problem.path().substring(1).split("/") : new String[0];
        FieldEditor editor = parts.length == 0 ? null : editors.get(parts[0]);
        if (editor == null) {
            return false;
        }
        if (parts.length >= 3 && editor instanceof GroupEditor group && parts[1].matches("\\d+")) {
            int index = Integer.parseInt(parts[1]);
            if (index < group.entries().size() && group.entries().get(index).get(parts[2]) != null) {
                group.entries().get(index).get(parts[2]).setError(problem.message());
                return true;
            }
        }
        editor.setError(problem.message());
        return true;
    }

    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        editors.forEach((name, editor) -> editor.setReadOnly(readOnly || masks.containsKey(name)));
    }

    /**
     * Withholds the values of {@code fields} (top-level field names): each shows {@code placeholder} in a
     * read-only field of the same label instead of its editor, stays read-only while the rest of the form is
     * edited, and is left out of {@link #getData()}, so a save never sends it (the stored value stays as it is).
     * Replaces the fields masked before.
     */
    public void setMasked(Collection<String> fields, String placeholder) {
        masks.values().forEach(TextField::removeFromParent);
        masks.clear();
        for (String name : Set.copyOf(fields)) {
            FieldEditor editor = editors.get(name);
            if (editor == null) {
                continue;
            }
            TextField mask = new TextField(editor.field().labelIn(context.language()));
            mask.setValue(placeholder);
            mask.setReadOnly(true);
            mask.setId("masked-" + name);
            mask.addClassName("kinship-masked-field");
            editor.component().getParent().filter(FormLayout.class::isInstance).map(FormLayout.class::cast)
                    .ifPresent(layout -> layout.addComponentAtIndex(layout.indexOf(editor.component()), mask));
            masks.put(name, mask);
        }
        applying = true;
        try {
            masks.keySet().forEach(name -> editors.get(name).setValue(null));
        } finally {
            applying = false;
        }
        setReadOnly(readOnly);
        applyRules();
    }

    /** The fields shown masked. */
    public Set<String> masked() {
        return Set.copyOf(masks.keySet());
    }

    /** Evaluates conditions and calculations for what is entered now and updates the form. */
    private void applyRules() {
        if (applying) {
            return;
        }
        applying = true;
        try {
            FormState state = rules.apply(rawData(), today());
            editors.forEach((name, editor) -> {
                boolean hidden = state.isHidden("/" + name);
                TextField mask = masks.get(name);
                editor.setVisible(!hidden && mask == null);
                if (mask != null) {
                    mask.setVisible(!hidden);
                }
                if (editor.field().kind() == FieldKind.CALCULATED) {
                    editor.setValue(state.data().get(name));
                }
                if (editor instanceof GroupEditor group) {
                    applyToGroup(group, state);
                }
            });
        } finally {
            applying = false;
        }
    }

    private static void applyToGroup(GroupEditor group, FormState state) {
        String name = group.field().name();
        Object items = state.data().get(name);
        for (int i = 0; i < group.entries().size(); i++) {
            Map<?, ?> stored = items instanceof List<?> list && i < list.size() && list.get(i) instanceof Map<?, ?> m
                    ? m : Map.of();
            for (Map.Entry<String, FieldEditor> child : group.entries().get(i).entrySet()) {
                child.getValue().setVisible(!state.isHidden("/" + name + "/" + i + "/" + child.getKey()));
                if (child.getValue().field().kind() == FieldKind.CALCULATED) {
                    child.getValue().setValue(stored.get(child.getKey()));
                }
            }
        }
    }

    private LocalDate today() {
        return LocalDate.now(context.clock());
    }

    /** The editor of a top-level field (tests and the designer preview use it). */
    @Nullable FieldEditor editor(String name) {
        return editors.get(name);
    }
}
