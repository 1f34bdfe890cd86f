package org.kinship.ui.cases;

import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseVersionConflictException;
import org.kinship.cases.FieldChange;

/**
 * Someone saved the case after the worker opened it: what they changed (from the history, version by
 * version) and the worker's two ways on — re-apply their own changes on the current version, or drop them.
 */
final class ConflictPanel extends Composite<VerticalLayout> {

    private final UnorderedList changes = new UnorderedList();

    ConflictPanel(CaseContext context, String caseId, long readVersion, CaseVersionConflictException conflict,
            Consumer<CaseFile> reapply, Consumer<CaseFile> discard) {
        VerticalLayout layout = getContent();
        layout.setId("case-conflict");
        layout.addClassName("kinship-conflict");
        layout.getStyle().set("border-inline-start", "4px solid var(--lumo-error-color)")
                .set("padding-inline-start", "var(--lumo-space-m)");
        layout.add(new H4(getTranslation("cases.conflict.title", readVersion, conflict.currentVersion())));
        ChangeTexts texts = new ChangeTexts(context);
        List<FieldChange> since = context.cases().history(context.user(), caseId).stream()
                .filter(change -> change.version() > readVersion).toList();
        changes.setId("case-conflict-changes");
        for (FieldChange change : since) {
            changes.add(new ListItem(getTranslation("cases.conflict.change", texts.what(change),
                    texts.value(change, change.oldValue()), texts.value(change, change.newValue()),
                    context.userName().apply(change.changedBy()), context.dateTime().format(change.changedAt()))));
        }
        if (since.isEmpty()) {
            conflict.changedPaths().forEach(path -> changes.add(new ListItem(path)));
        }
        Button again = new Button(getTranslation("cases.conflict.reapply"),
                click -> reapply.accept(context.cases().get(context.user(), caseId)));
        again.setId("conflict-reapply");
        again.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button drop = new Button(getTranslation("cases.conflict.discard"),
                click -> discard.accept(context.cases().get(context.user(), caseId)));
        drop.setId("conflict-discard");
        drop.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        layout.add(changes, new Paragraph(getTranslation("cases.conflict.explain")), new HorizontalLayout(again, drop));
    }

    List<String> lines() {
        return changes.getChildren().map(item -> item.getElement().getText()).toList();
    }
}
