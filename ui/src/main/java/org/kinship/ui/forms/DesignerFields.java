package org.kinship.ui.forms;

import java.util.List;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.jspecify.annotations.Nullable;
import org.kinship.forms.FieldKind;

/**
 * The designer's field list: every field in display order with move up / down, edit and delete, and buttons
 * to add a field. Each action changes the {@link FormDocument} and then calls {@code changed}.
 */
class DesignerFields extends VerticalLayout {

    private final Supplier<FormDocument> document;
    private final Supplier<List<String>> lookupIds;
    private final Runnable changed;
    private final Grid<FormDocument.FieldRow> grid = new Grid<>();

    DesignerFields(Supplier<FormDocument> document, Supplier<List<String>> lookupIds, Runnable changed) {
        this.document = document;
        this.lookupIds = lookupIds;
        this.changed = changed;
        setPadding(false);
        grid.setId("designer-fields");
        grid.addColumn(row -> (row.group() == null ? "" : "↳ ") + row.labelIn(getLocale().getLanguage()))
                .setHeader(getTranslation("designer.field.label.short")).setFlexGrow(2);
        grid.addColumn(FormDocument.FieldRow::name).setHeader(getTranslation("designer.field.name"));
        grid.addColumn(row -> getTranslation("designer.kind." + row.kind())).setHeader(getTranslation("designer.field.kind"));
        grid.addColumn(row -> row.section() == null ? "" : row.section()).setHeader(getTranslation("designer.field.section"));
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        Button addField = new Button(getTranslation("designer.field.add"), VaadinIcon.PLUS.create(),
                click -> openDialog(null, null));
        addField.setId("add-field");
        addField.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(addField, grid);
    }

    void refresh() {
        grid.setItems(document.get().rows());
    }

    private HorizontalLayout actions(FormDocument.FieldRow row) {
        Button up = icon(VaadinIcon.ARROW_UP, "designer.up", () -> document.get().move(row.path(), -1));
        Button down = icon(VaadinIcon.ARROW_DOWN, "designer.down", () -> document.get().move(row.path(), 1));
        Button edit = new Button(VaadinIcon.EDIT.create(), click -> openDialog(row.path(), row.group()));
        edit.setAriaLabel(getTranslation("designer.field.edit"));
        edit.setId("edit-" + row.path().replace('/', '-'));
        Button delete = icon(VaadinIcon.TRASH, "designer.delete", () -> document.get().remove(row.path()));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(up, down, edit, delete);
        if (FieldKind.REPEATING_GROUP.code().equals(row.kind())) {
            Button addChild = new Button(VaadinIcon.PLUS_CIRCLE.create(), click -> openDialog(null, row.name()));
            addChild.setAriaLabel(getTranslation("designer.field.addToGroup"));
            actions.add(addChild);
        }
        actions.setSpacing(false);
        return actions;
    }

    private Button icon(VaadinIcon icon, String label, Runnable action) {
        Button button = new Button(icon.create(), click -> {
            action.run();
            changed.run();
        });
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        button.setAriaLabel(getTranslation(label));
        return button;
    }

    /** Opens the field dialog for a new field ({@code path == null}) or an existing one. */
    FieldDialog openDialog(@Nullable String path, @Nullable String group) {
        FieldSpec current = path == null ? null : document.get().spec(path).orElse(null);
        FieldDialog dialog = new FieldDialog(current, group, document.get().sectionIds(), lookupIds.get(), spec -> {
            document.get().putField(path, group, spec);
            changed.run();
        });
        dialog.open();
        return dialog;
    }
}
