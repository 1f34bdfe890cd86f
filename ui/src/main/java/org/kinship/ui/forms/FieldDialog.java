package org.kinship.ui.forms;


import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import org.kinship.forms.FieldKind;
import org.kinship.i18n.SupportedLocales;

/**
 * Adds or edits one field: name, kind, section, label and help in every language, flags, options (one per
 * line: {@code value = English | Français | Español | العربية}) or a lookup, condition and calculation.
 */
class FieldDialog extends Dialog {

    private final TextField name = new TextField();
    private final ComboBox<FieldKind> kind = new ComboBox<>();
    private final ComboBox<String> section = new ComboBox<>();
    private final Map<String, TextField> labels = new LinkedHashMap<>();
    private final Map<String, TextField> helps = new LinkedHashMap<>();
    private final Checkbox required = new Checkbox();
    private final Checkbox readOnly = new Checkbox();
    private final Checkbox sensitive = new Checkbox();
    private final Checkbox matchable = new Checkbox();
    private final Checkbox notInFuture = new Checkbox();
    private final Checkbox partialDate = new Checkbox();
    private final ComboBox<String> widget = new ComboBox<>();
    private final TextArea options = new TextArea();
    private final ComboBox<String> lookup = new ComboBox<>();
    private final ComboBox<String> hierarchy = new ComboBox<>();
    private final TextField visibleWhen = new TextField();
    private final TextField calculate = new TextField();
    private final IntegerField minItems = new IntegerField();
    private final IntegerField maxItems = new IntegerField();
    private final Span error = new Span();

    FieldDialog(@Nullable FieldSpec current, @Nullable String group, List<String> sections, List<String> lookupIds,
            Consumer<FieldSpec> onSave) {
        setHeaderTitle(getTranslation(current == null ? "designer.field.add" : "designer.field.edit"));
        setWidth("min(60em, 95vw)");
        name.setLabel(getTranslation("designer.field.name"));
        name.setPattern("[a-z][a-z0-9_]*");
        name.setRequired(true);
        name.setId("field-name");
        kind.setLabel(getTranslation("designer.field.kind"));
        kind.setItems(Arrays.stream(FieldKind.values())
                .filter(k -> group == null || k != FieldKind.REPEATING_GROUP).toList());
        kind.setItemLabelGenerator(k -> getTranslation("designer.kind." + k.code()));
        kind.setId("field-kind");
        section.setLabel(getTranslation("designer.field.section"));
        section.setItems(sections);
        section.setVisible(group == null);
        FormLayout form = new FormLayout(name, kind, section);
        for (var locale : SupportedLocales.ALL) {
            String language = locale.getLanguage();
            TextField label = new TextField(getTranslation("designer.field.label", getTranslation("locale." + language)));
            label.setId("label-" + language);
            TextField help = new TextField(getTranslation("designer.field.help", getTranslation("locale." + language)));
            labels.put(language, label);
            helps.put(language, help);
            form.add(label, help);
        }
        required.setLabel(getTranslation("designer.field.required"));
        readOnly.setLabel(getTranslation("designer.field.readOnly"));
        sensitive.setLabel(getTranslation("designer.field.sensitive"));
        matchable.setLabel(getTranslation("designer.field.matchable"));
        notInFuture.setLabel(getTranslation("designer.field.notInFuture"));
        partialDate.setLabel(getTranslation("designer.field.partialDate"));
        widget.setLabel(getTranslation("designer.field.widget"));
        widget.setItems("radio", "dropdown");
        widget.setClearButtonVisible(true);
        options.setLabel(getTranslation("designer.field.options"));
        options.setHelperText(getTranslation("designer.field.optionsHelp"));
        lookup.setLabel(getTranslation("designer.field.lookup"));
        lookup.setItems(lookupIds);
        lookup.setClearButtonVisible(true);
        hierarchy.setLabel(getTranslation("designer.field.hierarchy"));
        hierarchy.setItems(lookupIds);
        visibleWhen.setLabel(getTranslation("designer.field.visibleWhen"));
        visibleWhen.setHelperText(getTranslation("designer.field.visibleWhenHelp"));
        calculate.setLabel(getTranslation("designer.field.calculate"));
        minItems.setLabel(getTranslation("designer.field.minItems"));
        maxItems.setLabel(getTranslation("designer.field.maxItems"));
        form.add(required, readOnly, sensitive, matchable, notInFuture, partialDate, widget, lookup, hierarchy,
                minItems, maxItems, visibleWhen, calculate);
        form.add(options, 2);
        error.addClassName("kinship-field-error");
        add(form, error);
        kind.addValueChangeListener(event -> showFor(event.getValue()));
        fill(current, sections);
        Button save = new Button(getTranslation("designer.save"), click -> {
            try {
                onSave.accept(spec());
                close();
            } catch (DesignerException e) {
                error.setText(getTranslation(e.key(), e.args()));
            } catch (IllegalArgumentException e) {
                error.setText(e.getMessage());
            }
        });
        save.setId("field-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("designer.cancel"), click -> close()), save);
    }

    private void fill(@Nullable FieldSpec current, List<String> sections) {
        FieldSpec spec = current == null ? FieldSpec.of("", FieldKind.SHORT_TEXT, sections.isEmpty() ? null
                : sections.get(0), "") : current;
        name.setValue(spec.name());
        kind.setValue(spec.kind());
        section.setValue(spec.section());
        labels.forEach((language, field) -> field.setValue(spec.label().getOrDefault(language, "")));
        helps.forEach((language, field) -> field.setValue(spec.help().getOrDefault(language, "")));
        required.setValue(spec.required());
        readOnly.setValue(spec.readOnly());
        sensitive.setValue(spec.sensitive());
        matchable.setValue(spec.matchable());
        notInFuture.setValue(spec.notInFuture());
        partialDate.setValue(spec.partialDate());
        widget.setValue(spec.widget());
        options.setValue(DesignerOptions.format(spec.options()));
        lookup.setValue(spec.lookup());
        hierarchy.setValue(spec.hierarchy());
        visibleWhen.setValue(spec.visibleWhen() == null ? "" : spec.visibleWhen());
        calculate.setValue(spec.calculate() == null ? "" : spec.calculate());
        minItems.setValue(spec.minItems());
        maxItems.setValue(spec.maxItems());
        showFor(spec.kind());
    }

    private void showFor(@Nullable FieldKind selected) {
        FieldKind k = selected == null ? FieldKind.SHORT_TEXT : selected;
        options.setVisible(k.usesOptions());
        lookup.setVisible(k == FieldKind.SINGLE_CHOICE || k == FieldKind.MULTIPLE_CHOICE);
        widget.setVisible(k == FieldKind.SINGLE_CHOICE || k == FieldKind.MULTIPLE_CHOICE);
        hierarchy.setVisible(k == FieldKind.LOCATION);
        calculate.setVisible(k == FieldKind.CALCULATED);
        notInFuture.setVisible(k == FieldKind.DATE || k == FieldKind.DATE_TIME);
        partialDate.setVisible(k == FieldKind.DATE);
        minItems.setVisible(k == FieldKind.REPEATING_GROUP);
        maxItems.setVisible(k == FieldKind.REPEATING_GROUP);
    }

    /** The spec as entered; {@link IllegalArgumentException} names what is missing or malformed. */
    FieldSpec spec() {
        if (!name.getValue().matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException(getTranslation("designer.field.nameInvalid"));
        }
        if (kind.getValue() == null) {
            throw new IllegalArgumentException(getTranslation("designer.field.kindMissing"));
        }
        return new FieldSpec(name.getValue(), kind.getValue(), section.isVisible() ? section.getValue() : null,
                texts(labels), texts(helps), required.getValue(), readOnly.getValue(), sensitive.getValue(),
                matchable.getValue(), widget.getValue(), DesignerOptions.parse(options.getValue()),
                blankToNull(lookup.getValue()), blankToNull(visibleWhen.getValue()), blankToNull(calculate.getValue()),
                notInFuture.getValue(), partialDate.getValue(), minItems.getValue(), maxItems.getValue(),
                blankToNull(hierarchy.getValue()));
    }

    /** The problem shown in the dialog, if any (for tests). */
    String errorText() {
        return error.getText();
    }

    /** The name field (for tests). */
    TextField nameField() {
        return name;
    }

    /** The label field of a language (the designer test edits the French label through it). */
    TextField labelField(String language) {
        return labels.get(language);
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

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
