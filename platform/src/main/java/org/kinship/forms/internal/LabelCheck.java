package org.kinship.forms.internal;

import org.jspecify.annotations.Nullable;
import org.kinship.i18n.SupportedLocales;
import tools.jackson.databind.JsonNode;

/**
 * Translated texts ({@code {"en": ..., "fr": ...}}). English is the fallback every screen can show, so a
 * missing English text is an error; a missing French, Spanish or Arabic text is a warning, so that a
 * form can be published before all translations arrive (the UI then shows English).
 */
final class LabelCheck {

    private LabelCheck() {
    }

    static void check(@Nullable JsonNode labels, String pointer, Problems problems, boolean mandatory) {
        if (labels == null || labels.isMissingNode() || labels.isNull()) {
            if (mandatory) {
                problems.error(pointer, "forms.definition.labelMissing", "en");
            }
            return;
        }
        if (!labels.isObject()) {
            problems.error(pointer, "forms.definition.labelsNotTranslations");
            return;
        }
        labels.properties().forEach(e -> {
            if (!SupportedLocales.isSupported(e.getKey())) {
                problems.error(pointer + "/" + e.getKey(), "forms.definition.unsupportedLanguage", e.getKey());
            } else if (!e.getValue().isString()) {
                problems.error(pointer + "/" + e.getKey(), "forms.definition.labelsNotTranslations");
            }
        });
        for (var locale : SupportedLocales.ALL) {
            String language = locale.getLanguage();
            JsonNode text = labels.get(language);
            if (text == null || !text.isString() || text.stringValue().isBlank()) {
                if (language.equals("en")) {
                    problems.error(pointer, "forms.definition.labelMissing", language);
                } else {
                    problems.warning(pointer, "forms.definition.translationMissing", language);
                }
            }
        }
    }
}
