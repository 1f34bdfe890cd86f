package org.kinship.notifications;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * In-app notifications (the bell). Any feature may notify; each user reads only their own.
 */
public interface NotificationService {

    /**
     * Notifies a user by user name. Idempotent per {@code (recipient, dedupeKey)}: the second call answers the
     * first notification.
     *
     * @param messageKey an i18n message key; {@code args} are its arguments (ids, numbers, dates; no child data)
     */
    Notification notify(String kind, String recipientUsername, @Nullable String recordId, String messageKey,
            List<String> args, String dedupeKey);

    /** The user's notifications, newest first. */
    List<Notification> list(String username, int limit);

    long unreadCount(String username);

    /**
     * Marks one of the user's notifications read.
     *
     * @throws NotificationNotFoundException when it is not theirs (or does not exist)
     */
    Notification markRead(String username, String notificationId);

    /** Marks all of the user's notifications read; answers how many changed. */
    long markAllRead(String username);
}
