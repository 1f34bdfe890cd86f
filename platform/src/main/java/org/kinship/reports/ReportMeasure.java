package org.kinship.reports;

import org.jspecify.annotations.Nullable;

/**
 * What a cell holds: the number of records counted, or the sum of a number field over them. The counted
 * record is the case, or the item of the repeating group that the report's fields lie in (one group per
 * report).
 */
public record ReportMeasure(Kind kind, @Nullable String field) {

    /** Count or sum. */
    public enum Kind {
        COUNT, SUM
    }

    public static final ReportMeasure COUNT = new ReportMeasure(Kind.COUNT, null);

    public static ReportMeasure sum(String field) {
        return new ReportMeasure(Kind.SUM, field);
    }
}
