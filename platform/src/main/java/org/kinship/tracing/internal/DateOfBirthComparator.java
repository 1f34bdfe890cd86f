package org.kinship.tracing.internal;

import java.util.Objects;

import org.kinship.tracing.Agreement;
import org.kinship.tracing.MatchField;
import org.kinship.tracing.PartialDate;
import org.kinship.tracing.PersonProfile;

/**
 * Compares dates of birth known to different precisions: the same full date agrees; dates that may be the
 * same day (2015 and 2015-03-02), or full dates with day and month swapped, partly agree; others disagree.
 */
public final class DateOfBirthComparator {

    public Evidence compare(PersonProfile left, PersonProfile right) {
        return Evidence.between(MatchField.DATE_OF_BIRTH, left.dateOfBirth(), right.dateOfBirth(),
                DateOfBirthComparator::agreement);
    }

    static Agreement agreement(PartialDate a, PartialDate b) {
        if (a.isFull() && a.equals(b)) {
            return Agreement.AGREE;
        }
        boolean overlap = !a.latest().isBefore(b.earliest()) && !b.latest().isBefore(a.earliest());
        if (overlap || swapped(a, b)) {
            return Agreement.PARTIAL;
        }
        return Agreement.DISAGREE;
    }

    private static boolean swapped(PartialDate a, PartialDate b) {
        return a.isFull() && b.isFull() && a.year() == b.year() && Objects.equals(a.month(), b.day())
                && Objects.equals(a.day(), b.month());
    }
}
