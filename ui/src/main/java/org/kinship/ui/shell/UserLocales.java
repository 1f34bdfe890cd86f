package org.kinship.ui.shell;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.Direction;
import com.vaadin.flow.server.VaadinSession;
import org.jspecify.annotations.Nullable;
import org.kinship.i18n.SupportedLocales;

/**
 * The language of a browser session: the one the user chose, else their saved preference, else the
 * browser's. Right-to-left languages (Arabic) turn the whole page around.
 */
final class UserLocales {

    private UserLocales() {
    }

    /** Applies the session's language to a UI when it is created. */
    static void apply(UI ui) {
        VaadinSession session = ui.getSession();
        Locale locale = SupportedLocales.bestMatch(session.getLocale());
        ui.setLocale(locale);
        ui.setDirection(SupportedLocales.isRightToLeft(locale) ? Direction.RIGHT_TO_LEFT : Direction.LEFT_TO_RIGHT);
        ui.getElement().executeJs("document.documentElement.lang = $0", locale.getLanguage());
    }

    /** Switches the session to a language and redraws the page in it. */
    static void switchTo(UI ui, Locale locale) {
        ui.getSession().setLocale(SupportedLocales.bestMatch(locale));
        ui.getPage().reload();
    }

    /** At sign-in, a saved preference wins over the browser's language. */
    static void adoptPreference(VaadinSession session, @Nullable String preferredLocale) {
        if (preferredLocale != null && session.getAttribute(PREFERENCE_ADOPTED) == null) {
            session.setLocale(SupportedLocales.forTag(preferredLocale));
        }
        session.setAttribute(PREFERENCE_ADOPTED, Boolean.TRUE);
    }

    private static final String PREFERENCE_ADOPTED = UserLocales.class.getName() + ".adopted";
}
