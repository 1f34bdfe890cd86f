package org.kinship.ui.shell;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import org.kinship.i18n.SupportedLocales;

/** Chooses the language of the session; each language is named in itself (English, Français, العربية...). */
class LanguageSelect extends Select<Locale> {

    LanguageSelect() {
        setAriaLabel(getTranslation("shell.language"));
        setItems(SupportedLocales.ALL);
        setItemLabelGenerator(locale -> getTranslation("locale." + locale.getLanguage()));
        setId("language-select");
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        setValue(SupportedLocales.bestMatch(getLocale()));
        addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                onLanguageChosen(event.getValue());
                UserLocales.switchTo(UI.getCurrent(), event.getValue());
            }
        });
    }

    /** Hook for remembering the choice (the main layout saves it as the user's preference). */
    protected void onLanguageChosen(Locale locale) {
    }
}
