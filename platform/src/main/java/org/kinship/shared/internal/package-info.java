@NullMarked
package org.kinship.shared.internal;

import org.jspecify.annotations.NullMarked;
