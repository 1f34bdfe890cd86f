package org.kinship.workflow;

import java.util.List;

/**
 * The outcome of moving running cases to a process version.
 *
 * @param migrated process instances moved (by case id)
 * @param refused  problems that prevented the migration (nothing moved when not empty)
 */
public record WorkflowMigration(String key, int toVersion, List<String> migrated, List<String> refused) {

    public WorkflowMigration {
        migrated = List.copyOf(migrated);
        refused = List.copyOf(refused);
    }
}
