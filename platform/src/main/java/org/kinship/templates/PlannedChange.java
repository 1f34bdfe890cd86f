package org.kinship.templates;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.FormDiff;

/**
 * What applying a package does to one form, lookup or the service levels.
 *
 * @param item      {@code form:<formId>}, {@code lookup:<id>} or {@code service-levels}
 * @param kind      added, updated or unchanged
 * @param diff      for a form: fields added, removed and changed compared with the local draft
 * @param conflicts what changed on both sides
 */
public record PlannedChange(String item, Kind kind, @Nullable FormDiff diff, List<MergeConflict> conflicts) {

    /** Added, updated or unchanged by the package. */
    public enum Kind {
        ADDED, UPDATED, UNCHANGED
    }

    public PlannedChange {
        conflicts = List.copyOf(conflicts);
    }
}
