package org.kinship.ui.cases;

import java.util.Comparator;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseFlag;
import org.kinship.cases.CaseRequestRefusedException;

/** Flags of a case (open ones first): raise one with a reason, resolve one with a comment. */
final class FlagsPanel extends Composite<VerticalLayout> {

    private final CaseContext context;
    final TextField reason = new TextField();
    private final Button raise = new Button();
    private final Div list = new Div();
    private CaseFile file;
    private boolean mayWrite;

    FlagsPanel(CaseContext context, CaseFile file) {
        this.context = context;
        this.file = file;
        reason.setId("flag-reason");
        reason.setLabel(getTranslation("cases.flags.reason"));
        reason.setWidthFull();
        raise.setText(getTranslation("cases.flags.add"));
        raise.setIcon(VaadinIcon.FLAG.create());
        raise.setId("flag-add");
        raise.addClickListener(click -> raise());
        HorizontalLayout form = new HorizontalLayout(reason, raise);
        form.setWidthFull();
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        list.setId("flag-list");
        getContent().add(form, list);
        show(file, true);
    }

    void show(CaseFile current, boolean mayEdit) {
        file = current;
        mayWrite = mayEdit;
        reason.setVisible(mayEdit);
        raise.setVisible(mayEdit);
        list.removeAll();
        current.flags().stream().sorted(Comparator.comparing(CaseFlag::resolved)
                .thenComparing(CaseFlag::flaggedAt, Comparator.reverseOrder())).forEach(flag -> list.add(entry(flag)));
        if (current.flags().isEmpty()) {
            list.add(new Paragraph(getTranslation("cases.flags.none")));
        }
    }

    private Div entry(CaseFlag flag) {
        Span state = new Span(getTranslation(flag.resolved() ? "cases.flags.resolved" : "cases.flags.open"));
        state.getElement().getThemeList().add(flag.resolved() ? "badge contrast" : "badge error");
        Span text = new Span(flag.reason());
        text.getStyle().set("margin-inline", "var(--lumo-space-s)");
        Span meta = new Span(getTranslation("cases.byAt", context.userName().apply(flag.flaggedBy()),
                context.dateTime().format(flag.flaggedAt())));
        meta.addClassName("kinship-meta");
        Div entry = new Div(state, text, meta);
        entry.setId("flag-" + flag.id());
        entry.addClassName("kinship-flag");
        entry.getStyle().set("margin-block-end", "var(--lumo-space-s)");
        if (flag.resolved()) {
            entry.add(new Paragraph(getTranslation("cases.flags.resolution", flag.resolution(),
                    context.userName().apply(String.valueOf(flag.resolvedBy())),
                    context.dateTime().format(java.util.Objects.requireNonNull(flag.resolvedAt())))));
        } else if (mayWrite) {
            TextField comment = new TextField();
            comment.setId("flag-comment-" + flag.id());
            comment.setPlaceholder(getTranslation("cases.flags.comment"));
            comment.setAriaLabel(getTranslation("cases.flags.comment"));
            Button resolve = new Button(getTranslation("cases.flags.resolve"), click -> resolve(flag, comment.getValue()));
            resolve.setId("flag-resolve-" + flag.id());
            resolve.addThemeVariants(ButtonVariant.LUMO_SMALL);
            entry.add(new HorizontalLayout(comment, resolve));
        }
        return entry;
    }

    void raise() {
        try {
            CaseFile stored = context.cases().flag(context.user(), file.id(), null, reason.getValue());
            reason.clear();
            context.message().info(getTranslation("cases.flags.added"));
            context.changed().accept(stored);
        } catch (CaseRequestRefusedException e) {
            context.message().refused(e);
        }
    }

    void resolve(CaseFlag flag, String comment) {
        try {
            CaseFile stored = context.cases().resolveFlag(context.user(), file.id(), null, flag.id(), comment);
            context.message().info(getTranslation("cases.flags.resolvedMessage"));
            context.changed().accept(stored);
        } catch (CaseRequestRefusedException e) {
            context.message().refused(e);
        }
    }
}
