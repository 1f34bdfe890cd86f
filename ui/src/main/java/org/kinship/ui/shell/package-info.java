/** The main layout, sign-in, language switching and error pages. */
@NullMarked
package org.kinship.ui.shell;

import org.jspecify.annotations.NullMarked;
