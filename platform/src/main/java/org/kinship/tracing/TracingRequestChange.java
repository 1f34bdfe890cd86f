package org.kinship.tracing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a tracing request's history: the value at {@code path} ({@code inquirer_name},
 * {@code sought_children}, {@code links/<caseId>}) went from {@code oldValue} to {@code newValue} in the write
 * that produced {@code version}. Stored in the same update as the change.
 */
public record TracingRequestChange(String path, @Nullable Object oldValue, @Nullable Object newValue, String changedBy,
        Instant changedAt, long version) {
}
