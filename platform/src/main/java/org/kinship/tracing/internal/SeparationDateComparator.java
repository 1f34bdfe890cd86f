package org.kinship.tracing.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.kinship.tracing.Agreement;
import org.kinship.tracing.MatchField;
import org.kinship.tracing.PartialDate;
import org.kinship.tracing.PersonProfile;

/**
 * Compares when the two children were separated from their families (ADR 0029). Separations happen in
 * waves (an attack, a flood, a crossing), and a child and a parent remember the same day a few days apart: two days
 * within {@link #SAME_DAYS} agree; dates that may be the same day with a month's precision (2024-03 and
 * 2024-03-10) or days within {@link #CLOSE_DAYS} partly agree; dates that may fall together only to the year, or
 * within {@link #NEAR_DAYS}, weakly agree; dates further apart disagree.
 */
public final class SeparationDateComparator {

    /** Two remembered days this close are the same day. */
    static final int SAME_DAYS = 3;
    /** Two remembered days this close are likely the same event. */
    static final int CLOSE_DAYS = 21;
    /** Dates this close may still be the same event remembered badly. */
    static final int NEAR_DAYS = 75;
    /** The widest a date's period is with a month's precision. */
    private static final int MONTH_DAYS = 31;

    public Evidence compare(PersonProfile left, PersonProfile right) {
        return Evidence.between(MatchField.SEPARATION_DATE, left.separationDate(), right.separationDate(),
                SeparationDateComparator::agreement);
    }

    static Agreement agreement(PartialDate a, PartialDate b) {
        long gap = gap(a, b);
        long widest = Math.max(span(a), span(b));
        if (a.isFull() && b.isFull()) {
            return gap <= SAME_DAYS ? Agreement.AGREE : gap <= CLOSE_DAYS ? Agreement.PARTIAL
                    : gap <= NEAR_DAYS ? Agreement.WEAK : Agreement.DISAGREE;
        }
        if (gap == 0) {
            return widest <= MONTH_DAYS ? Agreement.PARTIAL : Agreement.WEAK;
        }
        return gap <= CLOSE_DAYS ? Agreement.WEAK : Agreement.DISAGREE;
    }

    /** Days between the two periods the dates may stand for; 0 when they overlap. */
    private static long gap(PartialDate a, PartialDate b) {
        LocalDate firstEnd = a.latest().isBefore(b.latest()) ? a.latest() : b.latest();
        LocalDate lastStart = a.earliest().isAfter(b.earliest()) ? a.earliest() : b.earliest();
        return Math.max(0, ChronoUnit.DAYS.between(firstEnd, lastStart));
    }

    /** How many days the date's period covers. */
    private static long span(PartialDate date) {
        return ChronoUnit.DAYS.between(date.earliest(), date.latest()) + 1;
    }
}
