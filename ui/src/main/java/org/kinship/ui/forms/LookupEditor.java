package org.kinship.ui.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.kinship.forms.InvalidLookupException;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupService;
import org.kinship.forms.LookupValue;
import org.kinship.forms.LookupValueInUseException;
import org.kinship.i18n.SupportedLocales;

/**
 * Creates or edits a lookup: its id and names, its values with labels in each language and an optional parent
 * (for place hierarchies); values can be retired, and deleted only when nothing uses them.
 */
class LookupEditor extends Dialog {

    private final LookupService lookups;
    private final boolean isNew;
    private final TextField id = new TextField();
    private final Map<String, TextField> names = new LinkedHashMap<>();
    private final Grid<LookupValue> values = new Grid<>();
    private final List<LookupValue> current = new ArrayList<>();
    private final TextField newValue = new TextField();
    private final TextField newParent = new TextField();
    private final Map<String, TextField> newLabels = new LinkedHashMap<>();
    private final Span error = new Span();
    private long version;

    LookupEditor(LookupService lookups, Lookup lookup, Runnable saved) {
        this.lookups = lookups;
        this.isNew = lookup.id().isEmpty();
        this.version = lookup.version();
        setHeaderTitle(getTranslation(isNew ? "lookups.new" : "lookups.edit"));
        setWidth("min(64em, 95vw)");
        id.setLabel(getTranslation("lookups.id"));
        id.setValue(lookup.id());
        id.setReadOnly(!isNew);
        id.setId("lookup-id");
        FormLayout head = new FormLayout(id);
        for (var locale : SupportedLocales.ALL) {
            String language = locale.getLanguage();
            TextField name = new TextField(getTranslation("lookups.nameIn", getTranslation("locale." + language)));
            name.setValue(lookup.name().getOrDefault(language, ""));
            names.put(language, name);
            head.add(name);
        }
        current.addAll(lookup.values());
        values.addColumn(LookupValue::value).setHeader(getTranslation("lookups.value"));
        values.addColumn(v -> v.label().getOrDefault(getLocale().getLanguage(), v.label().getOrDefault("en", "")))
                .setHeader(getTranslation("lookups.label"));
        values.addColumn(v -> v.parent() == null ? "" : v.parent()).setHeader(getTranslation("lookups.parent"));
        values.addColumn(v -> v.retired() ? getTranslation("lookups.retired") : "").setHeader("");
        values.addComponentColumn(this::valueActions).setAutoWidth(true).setFlexGrow(0);
        values.setItems(current);
        values.setAllRowsVisible(true);
        error.addClassName("kinship-field-error");
        add(head, values, newValueForm(), error);
        Button save = new Button(getTranslation("designer.save"), click -> {
            if (save()) {
                saved.run();
                close();
            }
        });
        save.setId("lookup-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("designer.cancel"), click -> close()), save);
    }

    private FormLayout newValueForm() {
        newValue.setLabel(getTranslation("lookups.value"));
        newValue.setId("lookup-new-value");
        newParent.setLabel(getTranslation("lookups.parent"));
        FormLayout form = new FormLayout(newValue, newParent);
        for (var locale : SupportedLocales.ALL) {
            TextField label = new TextField(getTranslation("designer.field.label", getTranslation("locale." + locale.getLanguage())));
            label.setId("lookup-new-label-" + locale.getLanguage());
            newLabels.put(locale.getLanguage(), label);
            form.add(label);
        }
        Button add = new Button(getTranslation("lookups.addValue"), click -> addValue());
        add.setId("lookup-add-value");
        form.add(add);
        return form;
    }

    void addValue() {
        Map<String, String> labels = texts(newLabels);
        String code = newValue.getValue().strip();
        if (code.isEmpty() || current.stream().anyMatch(v -> v.value().equals(code))) {
            error.setText(getTranslation("lookups.valueInvalid"));
            return;
        }
        current.add(new LookupValue(code, labels, false, newParent.getValue().isBlank() ? null : newParent.getValue().strip()));
        values.setItems(current);
        newValue.clear();
        newParent.clear();
        newLabels.values().forEach(TextField::clear);
        error.setText("");
    }

    private HorizontalLayout valueActions(LookupValue value) {
        Button retire = new Button(getTranslation("lookups.retire"), click -> replace(value,
                new LookupValue(value.value(), value.label(), true, value.parent())));
        retire.setEnabled(!value.retired());
        retire.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Button delete = new Button(getTranslation("designer.delete"), click -> delete(value));
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.setId("lookup-delete-" + value.value());
        return new HorizontalLayout(retire, delete);
    }

    private void replace(LookupValue old, LookupValue updated) {
        current.set(current.indexOf(old), updated);
        values.setItems(current);
    }

    /** Deleting a stored value asks the service, which refuses when the value is in use. */
    void delete(LookupValue value) {
        if (!isNew && lookups.findLookup(id.getValue()).flatMap(l -> l.value(value.value())).isPresent()) {
            try {
                Lookup stored = lookups.deleteValue(id.getValue(), value.value());
                version = stored.version();
            } catch (LookupValueInUseException e) {
                error.setText(getTranslation("lookups.inUse", value.value()));
                return;
            }
        }
        current.remove(value);
        values.setItems(current);
    }

    boolean save() {
        Lookup lookup = new Lookup(id.getValue().strip(), texts(names), List.copyOf(current), version);
        try {
            Lookup stored = isNew ? lookups.create(lookup, getLocale()) : lookups.update(lookup, getLocale());
            version = stored.version();
            return true;
        } catch (InvalidLookupException e) {
            error.setText(e.problems().stream().map(p -> p.path() + ": " + p.message()).reduce((a, b) -> a + "; " + b)
                    .orElse(""));
            return false;
        } catch (LookupValueInUseException e) {
            error.setText(getTranslation("lookups.inUse", e.value()));
            return false;
        }
    }

    String errorText() {
        return error.getText();
    }

    private static Map<String, String> texts(Map<String, TextField> fields) {
        Map<String, String> texts = new LinkedHashMap<>();
        fields.forEach((language, field) -> {
            if (!field.getValue().isBlank()) {
                texts.put(language, field.getValue().strip());
            }
        });
        return texts;
    }

    void fillNewValue(String value, String englishLabel) {
        newValue.setValue(value);
        newLabels.get("en").setValue(englishLabel);
    }

    void setId(String lookupId, String englishName) {
        id.setValue(lookupId);
        names.get("en").setValue(englishName);
    }
}
