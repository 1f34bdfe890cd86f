package org.kinship.forms.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.FieldOption;
import org.kinship.forms.FormField;
import org.kinship.forms.LookupSource;
import org.kinship.forms.LookupValue;
import org.kinship.forms.internal.rules.Functions;

/**
 * The rules JSON Schema cannot express: dates (partial, not in the future), choices from options or
 * lookups (retired values only where the record already had them), tally totals and the number of
 * entries of repeating groups. A value of the wrong JSON type is left to the schema check.
 */
final class KindChecks {

    private static final String PARTIAL_DATE = "\\d{4}(-\\d{2}(-\\d{2})?)?";
    private static final String FULL_DATE = "\\d{4}-\\d{2}-\\d{2}";

    private final LookupSource lookups;
    private final PreviousValues previous;
    private final Instant now;
    private final LocalDate today;
    private final Locale locale;
    private final Problems problems;

    KindChecks(LookupSource lookups, PreviousValues previous, Instant now, LocalDate today, Locale locale,
            Problems problems) {
        this.lookups = lookups;
        this.previous = previous;
        this.now = now;
        this.today = today;
        this.locale = locale;
        this.problems = problems;
    }

    void check(FormField field, String key, String pointer, @Nullable Object value) {
        if (value == null) {
            return;
        }
        String label = field.labelIn(locale.getLanguage());
        switch (field.kind()) {
            case DATE -> date(field, pointer, label, value);
            case DATE_TIME -> dateTime(field, pointer, label, value);
            case SINGLE_CHOICE, LOCATION -> {
                if (value instanceof String code) {
                    choice(field, key, pointer, label, code);
                }
            }
            case MULTIPLE_CHOICE -> {
                if (value instanceof List<?> codes) {
                    Set<Object> seen = new HashSet<>();
                    for (int i = 0; i < codes.size(); i++) {
                        if (codes.get(i) instanceof String code) {
                            if (!seen.add(code)) {
                                problems.error(pointer + "/" + i, "forms.data.duplicateChoice", label, code);
                            }
                            choice(field, key, pointer + "/" + i, label, code);
                        }
                    }
                }
            }
            case TALLY -> tally(field, pointer, label, value);
            case REPEATING_GROUP -> count(field, pointer, label, value);
            default -> { }
        }
    }

    private void date(FormField field, String pointer, String label, Object value) {
        if (!(value instanceof String text)) {
            return;
        }
        boolean shape = text.matches(field.partialDate() ? PARTIAL_DATE : FULL_DATE);
        LocalDate date = Functions.date(text);
        if (!shape || date == null || text.length() == 10 && !date.toString().equals(text)) {
            problems.error(pointer, field.partialDate() ? "forms.data.partialDateInvalid" : "forms.data.dateInvalid", label);
        } else if (field.notInFuture() && date.isAfter(today)) {
            problems.error(pointer, "forms.data.inFuture", label);
        }
    }

    private void dateTime(FormField field, String pointer, String label, Object value) {
        if (!(value instanceof String text)) {
            return;
        }
        try {
            Instant instant = OffsetDateTime.parse(text).toInstant();
            if (field.notInFuture() && instant.isAfter(now)) {
                problems.error(pointer, "forms.data.inFuture", label);
            }
        } catch (DateTimeParseException e) {
            problems.error(pointer, "forms.data.dateTimeInvalid", label);
        }
    }

    private void choice(FormField field, String key, String pointer, String label, String code) {
        String lookupId = field.valueLookup();
        if (lookupId == null) {
            if (field.options().stream().map(FieldOption::value).noneMatch(code::equals)) {
                problems.error(pointer, "forms.data.unknownOption", label, code);
            }
            return;
        }
        LookupValue value = lookups.findLookup(lookupId).flatMap(l -> l.value(code)).orElse(null);
        if (value == null) {
            problems.error(pointer, "forms.data.unknownOption", label, code);
        } else if (value.retired() && !previous.had(key, code)) {
            problems.error(pointer, "forms.data.retiredOption", label, code);
        }
    }

    /** A tally is {@code {option: count, ..., total}}; a missing total is filled in, a wrong one refused. */
    private void tally(FormField field, String pointer, String label, Object value) {
        if (!(value instanceof Map<?, ?> counts)) {
            return;
        }
        long sum = 0;
        boolean countsValid = true;
        Set<String> options = new HashSet<>(field.options().stream().map(FieldOption::value).toList());
        for (Map.Entry<?, ?> entry : counts.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (name.equals("total")) {
                continue;
            }
            if (!options.contains(name)) {
                problems.error(pointer + "/" + name, "forms.data.unknownOption", label, name);
                countsValid = false;
            } else if (!(entry.getValue() instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() % 1 != 0) {
                problems.error(pointer + "/" + name, "forms.data.tallyNegative", label);
                countsValid = false;
            } else {
                sum += n.longValue();
            }
        }
        Object total = counts.get("total");
        if (countsValid && total instanceof Number n && n.doubleValue() != sum) {
            problems.error(pointer + "/total", "forms.data.tallyTotal", label, n, sum);
        }
    }

    private void count(FormField field, String pointer, String label, Object value) {
        if (!(value instanceof List<?> items)) {
            return;
        }
        if (field.minItems() != null && items.size() < field.minItems()) {
            problems.error(pointer, "forms.data.tooFewItems", label, field.minItems());
        }
        if (field.maxItems() != null && items.size() > field.maxItems()) {
            problems.error(pointer, "forms.data.tooManyItems", label, field.maxItems());
        }
    }


}
