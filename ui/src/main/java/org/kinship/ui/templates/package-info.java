/** The template library: installed template packages, import with preview and conflict choices, export. */
@NullMarked
package org.kinship.ui.templates;

import org.jspecify.annotations.NullMarked;
