package org.kinship.ui.cases;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import org.kinship.cases.CaseNotFoundException;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseVersionConflictException;

/**
 * One line under a screen's title saying what just happened or why it was refused, in the user's language
 * (read out by screen readers). The services decide; this only translates their reasons.
 */
final class MessageBar extends Span {

    MessageBar(String id) {
        setId(id);
        addClassName("kinship-message");
        getElement().setAttribute("role", "status");
        setVisible(false);
    }

    void info(String text) {
        show(text, "success");
    }

    void error(String text) {
        show(text, "error");
    }

    /** The translated reason of a refusal from the cases feature; anything else is rethrown. */
    void refused(RuntimeException refusal) {
        error(text(this, refusal));
    }

    void clear() {
        setText("");
        setVisible(false);
    }

    private void show(String text, String theme) {
        setText(text);
        getElement().getThemeList().clear();
        getElement().getThemeList().add("badge");
        getElement().getThemeList().add(theme);
        setVisible(true);
    }

    static String text(Component component, RuntimeException refusal) {
        if (refusal instanceof CaseRequestRefusedException refused) {
            return component.getTranslation(refused.messageKey(), refused.args());
        }
        if (refusal instanceof CaseVersionConflictException stale) {
            return component.getTranslation("cases.stale", stale.expectedVersion(), stale.currentVersion());
        }
        if (refusal instanceof CaseNotFoundException) {
            return component.getTranslation("cases.notFound");
        }
        throw refusal;
    }
}
