package org.kinship.forms.internal.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.RuleScope;

/** The closed list of functions of the rule language, with how many arguments each takes. */
public final class Functions {

    /** name -> {minimum, maximum} number of arguments. */
    static final Map<String, int[]> ARITY = Map.ofEntries(
            Map.entry("empty", new int[] {1, 1}),
            Map.entry("today", new int[] {0, 0}),
            Map.entry("age", new int[] {1, 1}),
            Map.entry("yearsBetween", new int[] {2, 2}),
            Map.entry("monthsBetween", new int[] {2, 2}),
            Map.entry("daysBetween", new int[] {2, 2}),
            Map.entry("count", new int[] {1, 1}),
            Map.entry("sum", new int[] {1, 1}),
            Map.entry("round", new int[] {1, 2}),
            Map.entry("if", new int[] {3, 3}));

    public static final Set<String> NAMES = ARITY.keySet();

    private Functions() {
    }

    static @Nullable Object call(String name, List<@Nullable Object> args, RuleScope scope) {
        return switch (name) {
            case "empty" -> isEmpty(args.getFirst());
            case "today" -> scope.today().toString();
            case "age" -> between(ChronoUnit.YEARS, args.getFirst(), scope.today().toString());
            case "yearsBetween" -> between(ChronoUnit.YEARS, args.get(0), args.get(1));
            case "monthsBetween" -> between(ChronoUnit.MONTHS, args.get(0), args.get(1));
            case "daysBetween" -> between(ChronoUnit.DAYS, args.get(0), args.get(1));
            case "count" -> args.getFirst() instanceof Collection<?> c ? BigDecimal.valueOf(c.size()) : BigDecimal.ZERO;
            case "sum" -> sum(args.getFirst());
            case "round" -> round(args.getFirst(), args.size() > 1 ? args.get(1) : BigDecimal.ZERO);
            case "if" -> Boolean.TRUE.equals(args.get(0)) ? args.get(1) : args.get(2);
            default -> null;
        };
    }

    static boolean isEmpty(@Nullable Object value) {
        return value == null
                || value instanceof String s && s.isBlank()
                || value instanceof Collection<?> c && c.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty();
    }

    /**
     * Whole units from {@code from} to {@code to}. Dates are ISO text; a partial date counts from its first
     * day ({@code 2015} is 1 January 2015, {@code 2015-06} is 1 June 2015); a date-time counts by its date.
     */
    static @Nullable Object between(ChronoUnit unit, @Nullable Object from, @Nullable Object to) {
        LocalDate start = date(from);
        LocalDate end = date(to);
        if (start == null || end == null) {
            return null;
        }
        return BigDecimal.valueOf(unit.between(start, end));
    }

    /** Parses full, year-month and year-only ISO dates and the date part of date-times; else null. */
    public static @Nullable LocalDate date(@Nullable Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        try {
            if (text.matches("\\d{4}")) {
                return LocalDate.of(Integer.parseInt(text), 1, 1);
            }
            if (text.matches("\\d{4}-\\d{2}")) {
                return LocalDate.parse(text + "-01");
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}(T.*)?")) {
                return LocalDate.parse(text.substring(0, 10));
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    private static @Nullable Object sum(@Nullable Object value) {
        if (!(value instanceof Collection<?> values)) {
            return null;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Object element : values) {
            if (element instanceof BigDecimal number) {
                total = total.add(number);
            }
        }
        return total;
    }

    private static @Nullable Object round(@Nullable Object value, @Nullable Object places) {
        if (value instanceof BigDecimal number && places instanceof BigDecimal scale) {
            return number.setScale(Math.max(0, Math.min(10, scale.intValue())), RoundingMode.HALF_UP);
        }
        return null;
    }
}
