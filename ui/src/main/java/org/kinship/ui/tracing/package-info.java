/**
 * Tracing and reunification screens: tracing requests (list, create with the published form, view), the review
 * of candidates with a side-by-side comparison, the person search, and for administrators the matching
 * settings, bulk re-matching and the duplicate scan.
 */
@NullMarked
package org.kinship.ui.tracing;

import org.jspecify.annotations.NullMarked;
