/**
 * Reusable UI components shared by features: thin Java wrappers around open-source JavaScript libraries
 * loaded as vendored static resources (ADR 0013), so the pre-compiled Vaadin bundle stays valid.
 */
@NullMarked
package org.kinship.ui.components;

import org.jspecify.annotations.NullMarked;
