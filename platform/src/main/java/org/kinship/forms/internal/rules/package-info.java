@NullMarked
package org.kinship.forms.internal.rules;

import org.jspecify.annotations.NullMarked;
