package org.kinship.workflow;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A deployed version of a process.
 *
 * @param key              the BPMN process id (what a module names as its workflow)
 * @param runningInstances process instances currently running on this version
 */
public record WorkflowDefinition(String id, String key, @Nullable String name, int version, String resourceName,
        @Nullable Instant deployedAt, long runningInstances) {
}
