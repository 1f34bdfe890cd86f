package org.kinship.reports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.FieldKind;
import org.kinship.reports.DateGrouping;
import org.kinship.reports.ReportDimension;

/**
 * Reads a field's values out of a case document (or one item of its repeating group) and turns them into the
 * keys a report groups by: a multiple choice gives one key per chosen value, a missing value the blank key
 * {@code ""}, a date its week / month / quarter / year, a number its range.
 */
final class FieldValues {

    static final String BLANK = "";

    private FieldValues() {
    }

    /**
     * A stored value as the values a report reads: several for a multiple choice (its non-null elements), none
     * when missing or blank, else the value itself.
     */
    static List<Object> values(@Nullable Object value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().filter(v -> v != null).map(v -> (Object) v).toList();
        }
        return List.of(value);
    }

    /** The values of a repeating group's field in one of its items. */
    static List<Object> itemValues(ResolvedField field, Map<?, ?> item) {
        return values(item.get(field.name()));
    }

    /** The items of a stored repeating group: its elements that are objects; none when absent. */
    static List<Map<?, ?>> items(@Nullable Object group) {
        List<Map<?, ?>> found = new ArrayList<>();
        if (group instanceof List<?> list) {
            list.stream().filter(i -> i instanceof Map<?, ?>).forEach(i -> found.add((Map<?, ?>) i));
        }
        return found;
    }

    /** The distinct grouping keys of one record; {@link #BLANK} when it has no value. */
    static List<String> keys(ReportDimension dimension, ResolvedField field, List<Object> values) {
        Set<String> keys = new LinkedHashSet<>();
        for (Object value : values) {
            keys.add(key(dimension, field, value));
        }
        if (keys.isEmpty()) {
            keys.add(BLANK);
        }
        return List.copyOf(keys);
    }

    private static String key(ReportDimension dimension, ResolvedField field, Object value) {
        if (field.dated()) {
            LocalDate date = date(value);
            if (date == null) {
                String text = String.valueOf(value);
                // a partial date (year, or year and month) still groups by year, quarter and month where it can
                return partial(dimension.dates(), text);
            }
            return dimension.dates() == null ? date.toString() : period(dimension.dates(), date);
        }
        if (!dimension.ranges().isEmpty()) {
            BigDecimal number = number(value);
            return number == null ? BLANK : range(dimension.ranges(), number);
        }
        if (value instanceof Boolean bool) {
            return bool.toString();
        }
        if (value instanceof Number number) {
            BigDecimal decimal = new BigDecimal(number.toString());
            return decimal.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    static String period(DateGrouping grouping, LocalDate date) {
        return switch (grouping) {
            case YEAR -> String.valueOf(date.getYear());
            case QUARTER -> date.getYear() + "-Q" + date.get(IsoFields.QUARTER_OF_YEAR);
            case MONTH -> String.format(Locale.ROOT, "%04d-%02d", date.getYear(), date.getMonthValue());
            case WEEK -> String.format(Locale.ROOT, "%04d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                    date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        };
    }

    private static String partial(@Nullable DateGrouping grouping, String text) {
        if (text.matches("\\d{4}")) {
            return grouping == DateGrouping.YEAR || grouping == null ? text : BLANK;
        }
        if (text.matches("\\d{4}-\\d{2}")) {
            if (grouping == null || grouping == DateGrouping.MONTH) {
                return text;
            }
            LocalDate first = LocalDate.parse(text + "-01");
            return grouping == DateGrouping.WEEK ? BLANK : period(grouping, first);
        }
        return BLANK;
    }

    /** {@code lower-upper} of the range holding {@code number} ({@code 18+} for the last, {@code <0} below all). */
    static String range(List<Integer> bounds, BigDecimal number) {
        if (number.compareTo(BigDecimal.valueOf(bounds.getFirst())) < 0) {
            return "<" + bounds.getFirst();
        }
        for (int i = bounds.size() - 1; i >= 0; i--) {
            if (number.compareTo(BigDecimal.valueOf(bounds.get(i))) >= 0) {
                return i == bounds.size() - 1 ? bounds.get(i) + "+" : bounds.get(i) + "-" + (bounds.get(i + 1) - 1);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** Every range label in order, for a complete table. */
    static List<String> rangeLabels(List<Integer> bounds) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < bounds.size(); i++) {
            labels.add(i == bounds.size() - 1 ? bounds.get(i) + "+" : bounds.get(i) + "-" + (bounds.get(i + 1) - 1));
        }
        return labels;
    }

    static @Nullable LocalDate date(Object value) {
        if (value instanceof Date date) {
            return LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
        }
        if (value instanceof Instant instant) {
            return LocalDate.ofInstant(instant, ZoneOffset.UTC);
        }
        String text = String.valueOf(value);
        try {
            if (text.length() > 10 && text.charAt(10) == 'T') {
                return LocalDate.ofInstant(Instant.parse(text), ZoneOffset.UTC);
            }
            return text.length() == 10 ? LocalDate.parse(text) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static @Nullable BigDecimal number(Object value) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Whether one of the record's values passes the filter. */
    static boolean passes(ReportPlan.Condition condition, List<Object> values) {
        ResolvedField field = condition.field();
        for (Object value : values) {
            if (matchesValues(condition, field, value) && withinBounds(condition, field, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesValues(ReportPlan.Condition condition, ResolvedField field, Object value) {
        if (condition.values().isEmpty()) {
            return true;
        }
        String text = value instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
        if (field.kind() == FieldKind.LOCATION) {
            // location codes are prefixes of the codes below them (as in the case list filter)
            return condition.values().stream().anyMatch(code -> text.startsWith(code));
        }
        return condition.values().contains(text);
    }

    private static boolean withinBounds(ReportPlan.Condition condition, ResolvedField field, Object value) {
        if (condition.from() == null && condition.to() == null) {
            return true;
        }
        if (field.dated()) {
            LocalDate date = date(value);
            return date != null && (condition.from() == null || !date.isBefore(LocalDate.parse(condition.from())))
                    && (condition.to() == null || !date.isAfter(LocalDate.parse(condition.to())));
        }
        BigDecimal number = number(value);
        return number != null
                && (condition.from() == null || number.compareTo(new BigDecimal(condition.from())) >= 0)
                && (condition.to() == null || number.compareTo(new BigDecimal(condition.to())) <= 0);
    }
}
