package org.kinship.i18n;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Translated messages from {@code i18n/messages*.properties}. Arguments are written as {@code {0}},
 * {@code {1}}... and substituted literally, so translators never need to escape apostrophes.
 */
@Component
public class Messages {

    public static final String BUNDLE = "i18n.messages";

    private static final ResourceBundle.Control NO_SYSTEM_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The message for {@code key} in {@code locale}; a missing key shows as {@code !key!} rather than failing. */
    public String get(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return format(pattern, args);
    }

    public boolean has(String key) {
        return bundle(SupportedLocales.ENGLISH).containsKey(key);
    }

    /** Every key of the English (default) bundle. */
    public Set<String> keys() {
        return bundle(SupportedLocales.ENGLISH).keySet();
    }

    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, SupportedLocales.bestMatch(locale), NO_SYSTEM_FALLBACK);
    }

    static String format(String pattern, Object... args) {
        String result = pattern;
        for (int i = 0; i < args.length; i++) {
            result = result.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return result;
    }
}
