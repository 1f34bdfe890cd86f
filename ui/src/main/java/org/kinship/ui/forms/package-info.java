/**
 * Forms in the browser: the renderer that builds a live form from a published version (every field kind,
 * rules evaluated by the same Java code as on the server) and the administrators' form designer.
 */
@NullMarked
package org.kinship.ui.forms;

import org.jspecify.annotations.NullMarked;
