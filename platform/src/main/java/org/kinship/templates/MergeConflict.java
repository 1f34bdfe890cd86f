package org.kinship.templates;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The same thing changed both here and upstream since the installed version: the administrator chooses.
 *
 * @param item     {@code form:registration}, {@code lookup:sex} or {@code service-levels}
 * @param path     where in the item's JSON, e.g. {@code /properties/sex/x-kinship/label/fr}; array entries
 *                 with a {@code value} or {@code id} are named by it
 * @param local    the local value as JSON, absent when removed here
 * @param upstream the upstream value as JSON, absent when removed upstream
 */
public record MergeConflict(String item, String path, @Nullable String local, @Nullable String upstream) {

    /** The key a {@link Resolution} is given under. */
    @JsonProperty("key")
    public String key() {
        return item + path;
    }
}
