/** The notification bell in the header: the signed-in user's in-app notifications, newest first. */
@NullMarked
package org.kinship.ui.notifications;

import org.jspecify.annotations.NullMarked;
