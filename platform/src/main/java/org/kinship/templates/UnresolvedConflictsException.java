package org.kinship.templates;

import java.util.List;

/** Apply was asked without a choice for every conflict; nothing was applied. */
public class UnresolvedConflictsException extends RuntimeException {

    private final ImportPlan plan;
    private final List<MergeConflict> unresolved;

    public UnresolvedConflictsException(ImportPlan plan, List<MergeConflict> unresolved) {
        super(unresolved.size() + " conflicts without a choice");
        this.plan = plan;
        this.unresolved = List.copyOf(unresolved);
    }

    public ImportPlan plan() {
        return plan;
    }

    public List<MergeConflict> unresolved() {
        return unresolved;
    }
}
