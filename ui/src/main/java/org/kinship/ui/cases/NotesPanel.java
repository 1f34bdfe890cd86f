package org.kinship.ui.cases;

import java.util.Comparator;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseNote;
import org.kinship.cases.CaseRequestRefusedException;

/** Notes of a case, newest first, and a box to add one (notes are never edited; a correction is a new note). */
final class NotesPanel extends Composite<VerticalLayout> {

    private final CaseContext context;
    final TextArea text = new TextArea();
    private final Button add = new Button();
    private final Div list = new Div();
    private CaseFile file;

    NotesPanel(CaseContext context, CaseFile file) {
        this.context = context;
        this.file = file;
        text.setId("note-text");
        text.setLabel(getTranslation("cases.notes.new"));
        text.setWidthFull();
        text.setMaxLength(10_000);
        add.setText(getTranslation("cases.notes.add"));
        add.setId("note-add");
        add.addClickListener(click -> add());
        list.setId("note-list");
        getContent().add(text, add, list);
        show(file, true);
    }

    void show(CaseFile current, boolean mayWrite) {
        file = current;
        text.setVisible(mayWrite);
        add.setVisible(mayWrite);
        list.removeAll();
        current.notes().stream().sorted(Comparator.comparing(CaseNote::writtenAt).reversed()).forEach(note -> {
            Span meta = new Span(getTranslation("cases.byAt", context.userName().apply(note.writtenBy()),
                    context.dateTime().format(note.writtenAt())));
            meta.addClassName("kinship-meta");
            Paragraph body = new Paragraph(note.text());
            body.getStyle().set("white-space", "pre-wrap").set("margin-block", "0");
            Div entry = new Div(meta, body);
            entry.addClassName("kinship-note");
            entry.getStyle().set("border-inline-start", "3px solid var(--lumo-contrast-20pct)")
                    .set("padding-inline-start", "var(--lumo-space-s)").set("margin-block-end", "var(--lumo-space-s)");
            list.add(entry);
        });
        if (current.notes().isEmpty()) {
            list.add(new Paragraph(getTranslation("cases.notes.none")));
        }
    }

    void add() {
        try {
            CaseFile stored = context.cases().addNote(context.user(), file.id(), null, text.getValue());
            text.clear();
            context.message().info(getTranslation("cases.notes.added"));
            context.changed().accept(stored);
        } catch (CaseRequestRefusedException e) {
            context.message().refused(e);
        }
    }

    int count() {
        return file.notes().size();
    }
}
