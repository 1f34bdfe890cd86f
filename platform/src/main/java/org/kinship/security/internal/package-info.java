@NullMarked
package org.kinship.security.internal;

import org.jspecify.annotations.NullMarked;
