package org.kinship.tracing.internal;

import org.kinship.tracing.Agreement;
import org.kinship.tracing.MatchField;

/** What one comparator found for one field, before it is weighed. */
public record Evidence(MatchField field, Agreement agreement, String left, String right) {

    static Evidence missing(MatchField field, String left, String right) {
        return new Evidence(field, Agreement.MISSING, left, right);
    }
}
