package org.kinship.ui.forms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import org.kinship.i18n.SupportedLocales;

/**
 * The sections of the form being designed, in order: add, rename (labels in each language), move up and down,
 * and delete an empty section. A section that still has fields cannot be deleted, so no field loses its place.
 */
class DesignerSections extends VerticalLayout {

    private final Supplier<FormDocument> document;
    private final Runnable changed;
    private final Grid<String> grid = new Grid<>();
    private final Span error = new Span();

    DesignerSections(Supplier<FormDocument> document, Runnable changed) {
        this.document = document;
        this.changed = changed;
        setPadding(false);
        grid.setId("designer-sections");
        grid.addColumn(id -> label(id)).setHeader(getTranslation("designer.field.label.short")).setFlexGrow(2);
        grid.addColumn(id -> id).setHeader(getTranslation("designer.section.id"));
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        Button add = new Button(getTranslation("designer.section.add"), VaadinIcon.PLUS.create(), click -> openDialog(null));
        add.setId("add-section");
        error.addClassName("kinship-field-error");
        add(add, error, grid);
    }

    void refresh() {
        grid.setItems(document.get().sectionIds());
    }

    private String label(String id) {
        Map<String, String> labels = document.get().sectionLabel(id);
        return labels.getOrDefault(getLocale().getLanguage(), labels.getOrDefault("en", id));
    }

    private HorizontalLayout actions(String id) {
        HorizontalLayout actions = new HorizontalLayout(
                button(VaadinIcon.ARROW_UP, "designer.up", () -> document.get().moveSection(id, -1)),
                button(VaadinIcon.ARROW_DOWN, "designer.down", () -> document.get().moveSection(id, 1)),
                new Button(VaadinIcon.EDIT.create(), click -> openDialog(id)),
                button(VaadinIcon.TRASH, "designer.delete", () -> delete(id)));
        actions.setSpacing(false);
        return actions;
    }

    /** Deletes an empty section; a section with fields is refused with a message. */
    void delete(String id) {
        try {
            document.get().removeSection(id);
            error.setText("");
        } catch (IllegalStateException e) {
            error.setText(getTranslation("designer.section.notEmpty", id));
        }
    }

    String errorText() {
        return error.getText();
    }

    private Button button(VaadinIcon icon, String label, Runnable action) {
        Button button = new Button(icon.create(), click -> {
            action.run();
            changed.run();
        });
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        button.setAriaLabel(getTranslation(label));
        return button;
    }

    private void openDialog(@Nullable String existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(existing == null ? "designer.section.add" : "designer.section.edit"));
        TextField id = new TextField(getTranslation("designer.section.id"));
        id.setPattern("[a-z][a-z0-9_-]*");
        id.setValue(existing == null ? "" : existing);
        id.setReadOnly(existing != null);
        FormLayout form = new FormLayout(id);
        Map<String, TextField> labels = new LinkedHashMap<>();
        Map<String, String> current = existing == null ? Map.of() : document.get().sectionLabel(existing);
        SupportedLocales.ALL.forEach(locale -> {
            TextField label = new TextField(getTranslation("designer.field.label",
                    getTranslation("locale." + locale.getLanguage())));
            label.setValue(current.getOrDefault(locale.getLanguage(), ""));
            labels.put(locale.getLanguage(), label);
            form.add(label);
        });
        Button save = new Button(getTranslation("designer.save"), click -> {
            Map<String, String> texts = new LinkedHashMap<>();
            labels.forEach((language, field) -> {
                if (!field.getValue().isBlank()) {
                    texts.put(language, field.getValue().strip());
                }
            });
            try {
                if (existing == null) {
                    document.get().addSection(id.getValue().strip(), texts);
                } else {
                    document.get().updateSection(existing, texts);
                }
                dialog.close();
                changed.run();
            } catch (DesignerException e) {
                id.setErrorMessage(getTranslation(e.key(), e.args()));
                id.setInvalid(true);
            }
        });
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("designer.cancel"), click -> dialog.close()), save);
        dialog.open();
    }
}
