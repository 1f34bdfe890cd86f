@NullMarked
package org.kinship.audit.internal;

import org.jspecify.annotations.NullMarked;
