@NullMarked
package org.kinship.consent.internal;

import org.jspecify.annotations.NullMarked;
