package org.kinship.cases;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a case's history: the value at {@code path} (for example {@code registration/name_first},
 * {@code status}, {@code notes}) went from {@code oldValue} to {@code newValue} in the write that produced
 * case {@code version}. Written in the same document update as the change itself, so none is ever lost.
 */
public record FieldChange(String path, @Nullable Object oldValue, @Nullable Object newValue, String changedBy,
        Instant changedAt, long version) {
}
