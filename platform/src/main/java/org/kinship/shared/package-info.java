/**
 * Shared building blocks of every feature: storage settings, ids, optimistic-locking failures.
 * The embedded MongoDB server and the driver wiring live in {@code shared.internal.mongo}.
 */
@NullMarked
package org.kinship.shared;

import org.jspecify.annotations.NullMarked;
