/**
 * Search and matching: Lucene indexes of people, tracing requests and potential matches. Lucene is used
 * only inside {@code tracing.internal}.
 */
@NullMarked
package org.kinship.tracing;

import org.jspecify.annotations.NullMarked;
