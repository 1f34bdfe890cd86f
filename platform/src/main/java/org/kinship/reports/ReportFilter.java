package org.kinship.reports;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Keeps the records whose field has one of {@code values} (for a location, the code or any code below it)
 * and lies within {@code from}..{@code to} (inclusive; ISO dates for dates, numbers for numbers). A record
 * without a value does not pass.
 */
public record ReportFilter(String field, List<String> values, @Nullable String from, @Nullable String to) {

    public ReportFilter {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public static ReportFilter in(String field, String... values) {
        return new ReportFilter(field, List.of(values), null, null);
    }

    public static ReportFilter between(String field, @Nullable String from, @Nullable String to) {
        return new ReportFilter(field, List.of(), from, to);
    }
}
