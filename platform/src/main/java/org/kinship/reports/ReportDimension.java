package org.kinship.reports;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One grouping of a report's rows or columns.
 *
 * @param field    a field path: {@code section/field}, {@code section/group.child} for a field of a repeating
 *                 group, or without {@code section/} when only one section has the field; or a case attribute
 *                 {@code @status}, {@code @riskLevel}, {@code @agency}, {@code @registeredAt}
 * @param dates    for a date field: group by week, month, quarter or year (by day when absent)
 * @param ranges   for a number field (an age): ascending lower bounds, e.g. {@code [0, 5, 12, 18]} gives
 *                 {@code 0-4, 5-11, 12-17, 18+}; empty groups by value
 */
public record ReportDimension(String field, @Nullable DateGrouping dates, List<Integer> ranges) {

    public ReportDimension {
        ranges = ranges == null ? List.of() : List.copyOf(ranges);
    }

    public static ReportDimension of(String field) {
        return new ReportDimension(field, null, List.of());
    }

    public static ReportDimension dates(String field, DateGrouping grouping) {
        return new ReportDimension(field, grouping, List.of());
    }

    public static ReportDimension ranges(String field, List<Integer> lowerBounds) {
        return new ReportDimension(field, null, lowerBounds);
    }
}
