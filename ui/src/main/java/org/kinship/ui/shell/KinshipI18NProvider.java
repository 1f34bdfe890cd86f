package org.kinship.ui.shell;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.i18n.I18NProvider;
import org.kinship.i18n.Messages;
import org.kinship.i18n.SupportedLocales;
import org.springframework.stereotype.Component;

/** Vaadin's view of the platform's message bundles: every UI string goes through here. */
@Component
class KinshipI18NProvider implements I18NProvider {

    private final Messages messages;

    KinshipI18NProvider(Messages messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return SupportedLocales.ALL;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return messages.get(locale, key, params);
    }
}
