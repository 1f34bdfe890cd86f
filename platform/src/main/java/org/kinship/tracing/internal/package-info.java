@NullMarked
package org.kinship.tracing.internal;

import org.jspecify.annotations.NullMarked;
