@NullMarked
package org.kinship.forms.internal;

import org.jspecify.annotations.NullMarked;
