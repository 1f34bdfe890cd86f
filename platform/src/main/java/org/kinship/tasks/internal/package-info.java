@NullMarked
package org.kinship.tasks.internal;

import org.jspecify.annotations.NullMarked;
