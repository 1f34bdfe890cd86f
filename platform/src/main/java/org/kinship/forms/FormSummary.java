package org.kinship.forms;

import org.jspecify.annotations.Nullable;

/** One line of the form list: the draft's title and save count, and the latest published version (if any). */
public record FormSummary(String formId, String title, long draftVersion, @Nullable Integer latestVersion) {
}
