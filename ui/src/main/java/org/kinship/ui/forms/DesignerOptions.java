package org.kinship.ui.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.kinship.i18n.SupportedLocales;

/**
 * Inline options as text, one per line: {@code value = English | Français | Español | العربية}. Missing
 * translations may be left empty; the definition check then warns about them.
 */
final class DesignerOptions {

    private DesignerOptions() {
    }

    static String format(List<FieldSpec.Option> options) {
        return options.stream().map(option -> option.value() + " = " + SupportedLocales.ALL.stream()
                .map(locale -> option.label().getOrDefault(locale.getLanguage(), ""))
                .collect(Collectors.joining(" | "))).collect(Collectors.joining("\n"));
    }

    static List<FieldSpec.Option> parse(String text) {
        List<FieldSpec.Option> options = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new DesignerException("designer.field.optionInvalid", line.strip());
            }
            String value = line.substring(0, equals).strip();
            String[] labels = line.substring(equals + 1).split("\\|", -1);
            Map<String, String> label = new LinkedHashMap<>();
            for (int i = 0; i < labels.length && i < SupportedLocales.ALL.size(); i++) {
                if (!labels[i].isBlank()) {
                    label.put(SupportedLocales.ALL.get(i).getLanguage(), labels[i].strip());
                }
            }
            options.add(new FieldSpec.Option(value, label));
        }
        return options;
    }
}
