package org.kinship.notifications;

/** No such notification for this user. */
public class NotificationNotFoundException extends RuntimeException {

    public NotificationNotFoundException(String id) {
        super("No notification " + id);
    }
}
