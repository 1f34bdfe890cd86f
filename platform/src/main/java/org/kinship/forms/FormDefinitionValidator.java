package org.kinship.forms;

import java.util.Locale;

import org.kinship.forms.internal.DefinitionChecks;
import org.kinship.forms.internal.Problems;
import org.kinship.i18n.Messages;
import org.kinship.i18n.SupportedLocales;
import org.springframework.stereotype.Component;

/**
 * Checks a form definition and reports every problem at once, each with a JSON Pointer into the
 * definition and a message in the caller's language: not JSON; not a valid JSON Schema 2020-12; unknown
 * kind or {@code x-kinship} key, or one that does not fit the kind; a field defined twice; an unknown
 * section or lookup; a condition or calculation that does not parse or names a missing field; circular
 * calculations; missing labels (English: error, other languages: warning).
 */
@Component
public class FormDefinitionValidator {

    private final LookupSource lookups;
    private final Messages messages;

    public FormDefinitionValidator(LookupSource lookups, Messages messages) {
        this.lookups = lookups;
        this.messages = messages;
    }

    public DefinitionReport validate(String json, Locale locale) {
        Locale language = SupportedLocales.bestMatch(locale);
        Problems problems = DefinitionChecks.check(json, lookups, language);
        return new DefinitionReport(problems.errors(messages, language), problems.warnings(messages, language));
    }
}
