/**
 * In-app notifications: kind, recipient user name, record id, message key and arguments, created, read. Used by
 * the workflow engine (overdue tasks) and, later, referrals.
 */
@NullMarked
package org.kinship.notifications;

import org.jspecify.annotations.NullMarked;
