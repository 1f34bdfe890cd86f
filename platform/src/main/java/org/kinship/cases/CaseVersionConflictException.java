package org.kinship.cases;

import java.util.List;

import org.kinship.shared.StaleVersionException;

/**
 * A write was based on an older version of the case. Nothing was written. {@code changedPaths} are the
 * history paths written since the caller's version, so the caller can see what someone else changed.
 */
public class CaseVersionConflictException extends StaleVersionException {

    private final long currentVersion;
    private final List<String> changedPaths;

    public CaseVersionConflictException(String caseId, long expectedVersion, long currentVersion,
            List<String> changedPaths) {
        super("case", caseId, expectedVersion);
        this.currentVersion = currentVersion;
        this.changedPaths = List.copyOf(changedPaths);
    }

    public long currentVersion() {
        return currentVersion;
    }

    public List<String> changedPaths() {
        return changedPaths;
    }
}
