package org.kinship.templates;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The result of a preview (dry run) or an apply: what the package adds or changes compared with what is
 * installed, and the conflicts to resolve.
 *
 * @param installedVersion the version of this package installed before, absent on a first install
 * @param applied          true when the changes were stored, false for a preview
 */
public record ImportPlan(PackageManifest manifest, @Nullable String installedVersion, List<PlannedChange> changes,
        boolean applied) {

    public ImportPlan {
        changes = List.copyOf(changes);
    }

    public List<MergeConflict> conflicts() {
        return changes.stream().flatMap(change -> change.conflicts().stream()).toList();
    }

    public List<PlannedChange> effective() {
        return changes.stream().filter(change -> change.kind() != PlannedChange.Kind.UNCHANGED).toList();
    }
}
