package org.kinship.notifications;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An in-app notification for one user. It carries a message key and arguments (translated when shown), never
 * child data.
 *
 * @param kind      what it is about, e.g. {@code task.overdue}, {@code referral.received}
 * @param recordId  the record concerned (a case id), to open it; may be absent
 * @param dedupeKey same key for the same recipient = same notification (an event seen twice notifies once)
 */
public record Notification(String id, String kind, String recipient, @Nullable String recordId, String messageKey,
        List<String> args, Instant created, @Nullable Instant readAt, String dedupeKey) {

    public Notification {
        args = List.copyOf(args);
    }

    public boolean read() {
        return readAt != null;
    }
}
