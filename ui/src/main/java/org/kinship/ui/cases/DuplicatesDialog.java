package org.kinship.ui.cases;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import org.kinship.ui.cases.DuplicateCheck.Duplicate;

/**
 * Shown when the child about to be registered looks like cases the worker can already see: case number,
 * name, sex, age and how well each matches (masked values read "hidden for your role"), each with
 * "Open this case"; "Register anyway" registers the new case, "Back to the form" keeps the data for changes.
 */
final class DuplicatesDialog extends Dialog {

    private final Grid<Duplicate> grid = new Grid<>();

    DuplicatesDialog(List<Duplicate> duplicates, ModuleForms forms, ValueTexts values, Locale locale,
            Consumer<Duplicate> open, Runnable registerAnyway) {
        setId("duplicates-dialog");
        setHeaderTitle(getTranslation("cases.duplicates.title"));
        setWidth("min(60em, 95vw)");
        String sexField = forms.module().indexedFields().sex();
        String hidden = getTranslation("cases.view.maskedValue");
        grid.setId("duplicates-grid");
        grid.addColumn(Duplicate::caseNumber).setHeader(getTranslation("cases.caseNumber")).setKey("number");
        grid.addColumn(d -> d.nameMasked() ? hidden : d.name()).setHeader(getTranslation("cases.name"))
                .setKey("name");
        grid.addColumn(d -> d.sexMasked() ? hidden : values.indexed(forms, sexField, d.sex()))
                .setHeader(getTranslation("cases.sex")).setKey("sex");
        grid.addColumn(d -> d.ageMasked() ? hidden
                : d.age() == null ? getTranslation("cases.header.ageUnknown")
                        : getTranslation("cases.header.age", d.age()))
                .setHeader(getTranslation("cases.age")).setKey("age");
        grid.addColumn(d -> getTranslation("cases.duplicates.score",
                getTranslation("tracing.label." + d.label().name()), DuplicateCheck.score(d.score(), locale)))
                .setHeader(getTranslation("cases.duplicates.match")).setKey("match");
        grid.addComponentColumn(d -> {
            Button button = new Button(getTranslation("cases.duplicates.open"), click -> {
                close();
                open.accept(d);
            });
            button.setId("duplicate-open-" + d.caseNumber());
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return button;
        }).setKey("open");
        grid.setItems(duplicates);
        grid.setAllRowsVisible(true);
        add(new Paragraph(getTranslation("cases.duplicates.intro")), grid);
        Button anyway = new Button(getTranslation("cases.duplicates.registerAnyway"), click -> {
            close();
            registerAnyway.run();
        });
        anyway.setId("duplicates-register-anyway");
        anyway.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button back = new Button(getTranslation("cases.duplicates.back"), click -> close());
        back.setId("duplicates-back");
        getFooter().add(back, anyway);
    }

    Grid<Duplicate> grid() {
        return grid;
    }
}
