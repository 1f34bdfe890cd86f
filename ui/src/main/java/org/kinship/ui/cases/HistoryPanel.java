package org.kinship.ui.cases;

import java.util.Comparator;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.kinship.cases.CaseFile;
import org.kinship.cases.FieldChange;

/** Every recorded change of the case, newest first: when, who, which field, old value, new value. */
final class HistoryPanel extends Composite<VerticalLayout> {

    private final CaseContext context;
    private final Grid<FieldChange> grid = new Grid<>();
    private final ChangeTexts texts;
    private long shownVersion = -1;

    HistoryPanel(CaseContext context) {
        this.context = context;
        this.texts = new ChangeTexts(context);
        grid.setId("history-grid");
        grid.addColumn(change -> context.dateTime().format(change.changedAt())).setKey("when")
                .setHeader(getTranslation("cases.history.when")).setAutoWidth(true);
        grid.addColumn(change -> context.userName().apply(change.changedBy())).setKey("who")
                .setHeader(getTranslation("cases.history.who")).setAutoWidth(true);
        grid.addColumn(texts::what).setKey("what").setHeader(getTranslation("cases.history.what")).setFlexGrow(2);
        grid.addColumn(change -> texts.value(change, change.oldValue())).setKey("old")
                .setHeader(getTranslation("cases.history.old")).setFlexGrow(2);
        grid.addColumn(change -> texts.value(change, change.newValue())).setKey("new")
                .setHeader(getTranslation("cases.history.new")).setFlexGrow(2);
        grid.addColumn(FieldChange::version).setKey("version").setHeader(getTranslation("cases.history.version"))
                .setAutoWidth(true);
        getContent().add(grid);
        getContent().setSizeFull();
    }

    /** Reads the history (an audited read) when the tab is shown and the case has changed since. */
    void show(CaseFile file) {
        if (file.version() != shownVersion) {
            shownVersion = file.version();
            grid.setItems(context.cases().history(context.user(), file.id()).stream()
                    .sorted(Comparator.comparingLong(FieldChange::version).reversed()).toList());
        }
    }

    Grid<FieldChange> grid() {
        return grid;
    }
}
