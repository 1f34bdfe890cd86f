package org.kinship.templates;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.FormDiff;

/**
 * What applying a package does to one form, lookup or the service levels.
 *
 * @param item      {@code form:<formId>}, {@code lookup:<id>} or {@code service-levels}
 * @param kind      added, updated or unchanged
 * @param diff       for a form: fields added, removed and changed compared with the local draft
 * @param lookupDiff for a lookup: values added, removed, retired and relabelled compared with the stored lookup
 * @param conflicts  what changed on both sides, or what upstream removes while a local adaptation uses it
 */
public record PlannedChange(String item, Kind kind, @Nullable FormDiff diff, @Nullable LookupDiff lookupDiff,
        List<MergeConflict> conflicts) {

    /** Added, updated or unchanged by the package. */
    public enum Kind {
        ADDED, UPDATED, UNCHANGED
    }

    public PlannedChange {
        conflicts = List.copyOf(conflicts);
    }
}
