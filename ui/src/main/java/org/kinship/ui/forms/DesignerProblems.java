package org.kinship.ui.forms;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.kinship.forms.DefinitionReport;
import org.kinship.forms.FormProblem;

/** The errors and warnings of the definition being designed, each with the place it refers to. */
class DesignerProblems extends Div {

    private final Span summary = new Span();
    private final UnorderedList list = new UnorderedList();
    private boolean valid = true;

    DesignerProblems() {
        setId("designer-problems");
        addClassName("kinship-designer-problems");
        add(summary, list);
    }

    void show(DefinitionReport report) {
        valid = report.valid();
        list.removeAll();
        summary.setText(report.valid() ? getTranslation("designer.valid", report.warnings().size())
                : getTranslation("designer.invalid", report.errors().size()));
        summary.getElement().setAttribute("theme", report.valid() ? "badge success" : "badge error");
        add(report.errors(), "error");
        add(report.warnings(), "warning");
    }

    void showNotJson(String message) {
        valid = false;
        list.removeAll();
        summary.setText(getTranslation("designer.notJson"));
        summary.getElement().setAttribute("theme", "badge error");
        list.add(new ListItem(message));
    }

    private void add(List<FormProblem> problems, String severity) {
        for (FormProblem problem : problems) {
            ListItem item = new ListItem(problem.path() + ": " + problem.message());
            item.addClassName("kinship-problem-" + severity);
            list.add(item);
        }
    }

    /** Whether the definition shown has no errors (warnings allowed). */
    boolean valid() {
        return valid;
    }

    /** The problem lines as shown (for tests). */
    List<String> lines() {
        return list.getChildren().map(item -> ((ListItem) item).getText()).toList();
    }
}
