package org.kinship.forms;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.internal.DataChecks;
import org.kinship.forms.internal.Problems;
import org.kinship.i18n.Messages;
import org.kinship.i18n.SupportedLocales;
import org.springframework.stereotype.Component;

/**
 * Checks form data on every save, against the published version it was filled with. First the
 * {@link FormRules} compute calculations and remove hidden fields (which are then not required); then the
 * data is validated against the version's JSON Schema (networknt) and the kinship rules: dates (partial
 * dates, not in the future), options and lookup values (a retired value only where {@code previous} data
 * already had it), tally totals, repeating group sizes, no unknown fields. Every problem is returned,
 * with the field's label, in the user's language.
 */
@Component
public class FormDataValidator {

    private final LookupSource lookups;
    private final Messages messages;
    private final Clock clock;

    public FormDataValidator(LookupSource lookups, Messages messages, Clock clock) {
        this.lookups = lookups;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * @param previous the record's data as stored before this change, or {@code null} for new data
     */
    public ValidatedData validate(FormSchema schema, Map<String, ?> data, @Nullable Map<String, ?> previous,
            Locale locale) {
        Locale language = SupportedLocales.bestMatch(locale);
        LocalDate today = LocalDate.now(clock);
        FormState state = new FormRules(schema).apply(data, today);
        Problems problems = DataChecks.check(schema, state, previous, lookups, clock.instant(), today, language);
        return new ValidatedData(state.data(), problems.errors(messages, language), state.hidden());
    }
}
