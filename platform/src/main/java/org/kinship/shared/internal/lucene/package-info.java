/** Lucene plumbing shared by the features' search indexes (cases' reports, tasks). */
@NullMarked
package org.kinship.shared.internal.lucene;

import org.jspecify.annotations.NullMarked;
