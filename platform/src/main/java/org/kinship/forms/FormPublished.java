package org.kinship.forms;

import java.time.Instant;

/** A new version of a form was published. Published after the version is stored. */
public record FormPublished(FormVersionRef form, String publishedBy, Instant publishedAt) {
}
