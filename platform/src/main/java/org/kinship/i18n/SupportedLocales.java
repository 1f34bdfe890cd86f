package org.kinship.i18n;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** The supported languages, in the order they are offered. */
public final class SupportedLocales {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale FRENCH = Locale.FRENCH;
    public static final Locale SPANISH = Locale.forLanguageTag("es");
    public static final Locale ARABIC = Locale.forLanguageTag("ar");

    public static final List<Locale> ALL = List.of(ENGLISH, FRENCH, SPANISH, ARABIC);

    private SupportedLocales() {
    }

    public static boolean isSupported(@Nullable String languageTag) {
        return languageTag != null && ALL.stream().anyMatch(l -> l.getLanguage().equals(languageTag));
    }

    /** The supported language closest to {@code requested}; English when none fits. */
    public static Locale bestMatch(@Nullable Locale requested) {
        if (requested == null) {
            return ENGLISH;
        }
        return ALL.stream().filter(l -> l.getLanguage().equals(requested.getLanguage())).findFirst().orElse(ENGLISH);
    }

    public static Locale forTag(@Nullable String languageTag) {
        return languageTag == null ? ENGLISH : bestMatch(Locale.forLanguageTag(languageTag));
    }

    /** Arabic (and any other right-to-left script language added later) is laid out right to left. */
    public static boolean isRightToLeft(Locale locale) {
        return List.of("ar", "fa", "ur", "he", "ps", "ku").contains(locale.getLanguage());
    }
}
