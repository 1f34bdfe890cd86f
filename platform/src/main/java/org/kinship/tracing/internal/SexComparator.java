package org.kinship.tracing.internal;

import org.kinship.tracing.Agreement;
import org.kinship.tracing.MatchField;
import org.kinship.tracing.PersonProfile;
import org.kinship.tracing.Sex;

/** Same sex agrees, different sex disagrees, unknown on either side is missing evidence. */
public final class SexComparator {

    public Evidence compare(PersonProfile left, PersonProfile right) {
        String l = left.sex().name();
        String r = right.sex().name();
        if (left.sex() == Sex.UNKNOWN || right.sex() == Sex.UNKNOWN) {
            return Evidence.missing(MatchField.SEX, l, r);
        }
        return new Evidence(MatchField.SEX, left.sex() == right.sex() ? Agreement.AGREE : Agreement.DISAGREE, l, r);
    }
}
