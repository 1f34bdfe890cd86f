/** The matching benchmark (run with {@code -Pbenchmarks}): a synthetic population with known true pairs. */
@NullMarked
package org.kinship.tracing.benchmark;

import org.jspecify.annotations.NullMarked;
