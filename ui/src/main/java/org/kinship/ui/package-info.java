/** The Vaadin user interface and the runnable application. Views are grouped by feature. */
@NullMarked
package org.kinship.ui;

import org.jspecify.annotations.NullMarked;
