/**
 * Harmonised template packages: a signed, versioned bundle of forms, lookups, workflows and service-level
 * targets that a coordination body publishes and field offices import, preview and apply with a three-way
 * merge that keeps local adaptations. See {@code docs/templates.md} and ADR 0007.
 */
@NullMarked
package org.kinship.templates;

import org.jspecify.annotations.NullMarked;
