package org.kinship.forms.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.kinship.forms.FormProblem;
import org.kinship.i18n.Messages;

/** Collects problems as message keys with arguments, and translates them all at the end. */
public final class Problems {

    /** One untranslated problem; {@code key} is a message key under {@code forms.}. */
    public record Problem(String path, String key, List<String> args) {
    }

    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    public void error(String path, String key, Object... args) {
        errors.add(new Problem(path, key, strings(args)));
    }

    public void warning(String path, String key, Object... args) {
        warnings.add(new Problem(path, key, strings(args)));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FormProblem> errors(Messages messages, Locale locale) {
        return translate(errors, messages, locale);
    }

    public List<FormProblem> warnings(Messages messages, Locale locale) {
        return translate(warnings, messages, locale);
    }

    private static List<FormProblem> translate(List<Problem> problems, Messages messages, Locale locale) {
        return problems.stream()
                .map(p -> new FormProblem(p.path(), p.key(), messages.get(locale, p.key(), p.args().toArray())))
                .toList();
    }

    private static List<String> strings(Object... args) {
        List<String> strings = new ArrayList<>();
        for (Object arg : args) {
            strings.add(String.valueOf(arg));
        }
        return List.copyOf(strings);
    }
}
