@NullMarked
package org.kinship.notifications.internal;

import org.jspecify.annotations.NullMarked;
