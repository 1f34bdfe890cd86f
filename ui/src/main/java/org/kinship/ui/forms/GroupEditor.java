package org.kinship.ui.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.jspecify.annotations.Nullable;
import org.kinship.forms.FormField;

/**
 * A repeating group (subform): one block of child editors per entry, add and remove buttons within the
 * group's minimum and maximum number of entries. Stored as a list of objects.
 */
final class GroupEditor implements FieldEditor {

    private final FormField field;
    private final RenderContext context;
    private final Div component = new Div();
    private final Div items = new Div();
    private final Span error = new Span();
    private final Button add;
    private final List<Map<String, FieldEditor>> entries = new ArrayList<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private boolean readOnly;

    GroupEditor(FormField field, RenderContext context) {
        this.field = field;
        this.context = context;
        component.addClassName("kinship-form-group");
        component.setId("field-" + field.name());
        component.add(new H4(context.label(field) + (field.required() ? " *" : "")));
        if (!context.help(field).isEmpty()) {
            component.add(new Paragraph(context.help(field)));
        }
        add = new Button(context.text("forms.group.add"), VaadinIcon.PLUS.create(), click -> {
            addEntry(Map.of());
            changed();
        });
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add.setId("add-" + field.name());
        error.addClassName("kinship-field-error");
        error.setVisible(false);
        component.add(items, add, error);
        for (int i = 0; i < minimum(); i++) {
            addEntry(Map.of());
        }
    }

    private int minimum() {
        return field.minItems() == null ? 0 : field.minItems();
    }

    private void addEntry(Map<?, ?> values) {
        Map<String, FieldEditor> editors = new LinkedHashMap<>();
        FormLayout layout = new FormLayout();
        int index = entries.size();
        for (FormField child : field.children()) {
            FieldEditor editor = FieldEditors.create(child, context);
            editor.setValue(values.get(child.name()));
            editor.setReadOnly(readOnly);
            editor.onChange(this::changed);
            editors.put(child.name(), editor);
            layout.add(editor.component());
        }
        Button remove = new Button(context.text("forms.group.remove"), VaadinIcon.TRASH.create(),
                click -> removeEntry(editors));
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.setId("remove-" + field.name() + "-" + index);
        remove.setEnabled(!readOnly);
        Div entry = new Div(layout, remove);
        entry.addClassName("kinship-form-group-entry");
        items.add(entry);
        entries.add(editors);
        updateButtons();
    }

    private void removeEntry(Map<String, FieldEditor> editors) {
        int index = entries.indexOf(editors);
        if (index < 0 || entries.size() <= minimum()) {
            return;
        }
        List<Map<String, Object>> values = entryValues();
        values.remove(index);
        setValue(values);
        changed();
    }

    private void updateButtons() {
        add.setEnabled(!readOnly && (field.maxItems() == null || entries.size() < field.maxItems()));
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    /** The editors of every entry, in order, by child field name (the renderer applies rules to them). */
    List<Map<String, FieldEditor>> entries() {
        return entries;
    }

    private List<Map<String, Object>> entryValues() {
        List<Map<String, Object>> values = new ArrayList<>();
        for (Map<String, FieldEditor> editors : entries) {
            Map<String, Object> item = new LinkedHashMap<>();
            editors.forEach((name, editor) -> {
                Object value = editor.value();
                if (value != null) {
                    item.put(name, value);
                }
            });
            values.add(item);
        }
        return values;
    }

    @Override
    public FormField field() {
        return field;
    }

    @Override
    public Component component() {
        return component;
    }

    @Override
    public @Nullable Object value() {
        List<Map<String, Object>> values = entryValues();
        return values.isEmpty() ? null : values;
    }

    @Override
    public void setValue(@Nullable Object value) {
        items.removeAll();
        entries.clear();
        if (value instanceof List<?> list) {
            list.forEach(item -> addEntry(item instanceof Map<?, ?> map ? map : Map.of()));
        }
        for (int i = entries.size(); i < minimum(); i++) {
            addEntry(Map.of());
        }
        updateButtons();
    }

    @Override
    public void setError(@Nullable String message) {
        error.setText(message == null ? "" : message);
        error.setVisible(message != null);
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        entries.forEach(editors -> editors.values().forEach(editor -> editor.setReadOnly(readOnly)));
        updateButtons();
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }
}
