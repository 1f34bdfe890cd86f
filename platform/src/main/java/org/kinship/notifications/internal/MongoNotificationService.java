package org.kinship.notifications.internal;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.kinship.notifications.Notification;
import org.kinship.notifications.NotificationNotFoundException;
import org.kinship.notifications.NotificationService;
import org.kinship.shared.Ids;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Notifications in the {@code notifications} collection. A unique index on {@code (recipient, dedupeKey)} makes
 * notifying idempotent; the user's list is sorted by {@code created} (index {@code recipient_created}). A new
 * notification is also queued for e-mail ({@link MongoEmailOutbox}).
 */
@Service
class MongoNotificationService implements NotificationService {

    private static final Logger LOG = LoggerFactory.getLogger(MongoNotificationService.class);

    private final MongoCollection<Document> notifications;
    private final DocumentMapper mapper;
    private final MongoEmailOutbox mail;
    private final Clock clock;

    MongoNotificationService(MongoDatabase database, DocumentMapper mapper, MongoEmailOutbox mail, Clock clock) {
        this.notifications = database.getCollection("notifications");
        this.mail = mail;
        this.mapper = mapper;
        this.clock = clock;
        notifications.createIndex(Indexes.ascending("recipient", "dedupeKey"),
                new IndexOptions().unique(true).name("recipient_dedupe"));
        notifications.createIndex(Indexes.compoundIndex(Indexes.ascending("recipient"), Indexes.descending("created")),
                new IndexOptions().name("recipient_created"));
    }

    @Override
    public Notification notify(String kind, String recipientUsername, @Nullable String recordId, String messageKey,
            List<String> args, String dedupeKey) {
        Notification notification = new Notification(Ids.newId(), kind, recipientUsername, recordId, messageKey, args,
                clock.instant(), null, dedupeKey);
        try {
            notifications.insertOne(mapper.toDocument(notification));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document existing = notifications.find(new Document("recipient", recipientUsername)
                    .append("dedupeKey", dedupeKey)).first();
            if (existing == null) {
                throw e;
            }
            return mapper.fromDocument(existing, Notification.class);
        }
        try {
            mail.enqueue(notification);
        } catch (RuntimeException e) {
            // the bell has it; a lost e-mail must not undo the action that caused it
            LOG.warn("E-mail of notification {} not queued ({})", notification.id(), e.getClass().getSimpleName());
        }
        return notification;
    }

    @Override
    public List<Notification> list(String username, int limit) {
        return notifications.find(eq("recipient", username)).sort(Sorts.descending("created"))
                .limit(Math.clamp(limit, 1, 500)).map(d -> mapper.fromDocument(d, Notification.class))
                .into(new ArrayList<>());
    }

    @Override
    public long unreadCount(String username) {
        return notifications.countDocuments(new Document("recipient", username).append("readAt", null));
    }

    @Override
    public Notification markRead(String username, String notificationId) {
        Document current = notifications.find(eq("_id", notificationId)).first();
        if (current == null || !username.equals(current.getString("recipient"))) {
            throw new NotificationNotFoundException(notificationId);
        }
        if (current.get("readAt") != null) {
            return mapper.fromDocument(current, Notification.class);
        }
        Document after = notifications.findOneAndUpdate(eq("_id", notificationId),
                Updates.set("readAt", Date.from(clock.instant())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null) {
            throw new NotificationNotFoundException(notificationId);
        }
        return mapper.fromDocument(after, Notification.class);
    }

    @Override
    public long markAllRead(String username) {
        return notifications.updateMany(new Document("recipient", username).append("readAt", null),
                Updates.set("readAt", Date.from(clock.instant()))).getModifiedCount();
    }
}
