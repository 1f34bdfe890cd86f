package org.kinship.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PreDestroy;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.kinship.notifications.EmailOutbox;
import org.kinship.notifications.MailSettings;
import org.kinship.notifications.Notification;
import org.kinship.security.UserAccount;
import org.kinship.security.UserAccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The e-mail outbox ({@code mail_outbox}, ADR 0019): a new notification of a user with an e-mail address is queued
 * (one document, {@code _id} = the notification id, so queuing twice is impossible) and a background worker sends
 * it, so the user's action never waits for nor fails with the SMTP server. Each attempt first claims the message
 * (a conditional update on its {@code attempts} count, so two nodes never send it twice) and pushes its next
 * attempt a lease ahead; a failure schedules the next attempt with a growing delay, and after {@code maxAttempts}
 * the message is kept as {@code failed} for {@code failedRetention} (its {@code lastError} says why) and then
 * deleted. A sent message is deleted, so the collection holds only what is waiting or was recently given up.
 * The recipient's address and language are read when the message is sent; the message has no child data.
 */
@Service
class MongoEmailOutbox implements EmailOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(MongoEmailOutbox.class);
    static final String PENDING = "pending";
    static final String FAILED = "failed";
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final Duration LONGEST_RETRY = Duration.ofHours(6);
    private static final int BATCH = 100;

    private final MongoCollection<Document> outbox;
    private final MailSettings settings;
    private final UserAccountService accounts;
    private final NotificationMails mails;
    private final Clock clock;
    private @Nullable ScheduledExecutorService worker;

    MongoEmailOutbox(MongoDatabase database, MailSettings settings, UserAccountService accounts,
            NotificationMails mails, Clock clock) {
        this.outbox = database.getCollection("mail_outbox");
        this.settings = settings;
        this.accounts = accounts;
        this.mails = mails;
        this.clock = clock;
    }

    /** Queues the e-mail of a new notification when e-mail is on and the recipient has an address. */
    void enqueue(Notification notification) {
        if (!settings.enabled() || accounts.findByUsername(notification.recipient()).filter(UserAccount::enabled)
                .map(UserAccount::email).isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        outbox.insertOne(new Document("_id", notification.id()).append("recipient", notification.recipient())
                .append("kind", notification.kind()).append("status", PENDING).append("attempts", 0)
                .append("nextAttemptAt", Date.from(now)).append("createdAt", Date.from(now)));
        kick();
    }

    @Override
    public int sendDue() {
        if (!settings.enabled()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Document> due = new ArrayList<>();
        // only waiting and given-up messages stay in the collection, so this read stays small
        for (Document message : outbox.find(new Document("status", PENDING))) {
            if (!message.getDate("nextAttemptAt").toInstant().isAfter(now)) {
                due.add(message);
            }
        }
        purgeGivenUp(now);
        due.sort(Comparator.comparing(message -> message.getDate("nextAttemptAt")));
        int sent = 0;
        for (Document message : due.subList(0, Math.min(BATCH, due.size()))) {
            if (attempt(message, now)) {
                sent++;
            }
        }
        return sent;
    }

    @Override
    public long pending() {
        return outbox.countDocuments(new Document("status", PENDING));
    }

    @Override
    public long failed() {
        return outbox.countDocuments(new Document("status", FAILED));
    }

    /** Messages given up longer ago than the retention are deleted (they hold no child data, only a username). */
    private void purgeGivenUp(Instant now) {
        Date before = Date.from(now.minus(settings.failedRetention()));
        List<Object> expired = new ArrayList<>();
        for (Document message : outbox.find(new Document("status", FAILED))) {
            // messages given up before givenUpAt was recorded count from their creation
            Date givenUpAt = message.containsKey("givenUpAt") ? message.getDate("givenUpAt")
                    : message.getDate("createdAt");
            if (givenUpAt.before(before)) {
                expired.add(message.get("_id"));
            }
        }
        expired.forEach(id -> outbox.deleteOne(new Document("_id", id)));
    }

    private boolean attempt(Document message, Instant now) {
        String id = message.getString("_id");
        int attempts = message.getInteger("attempts", 0);
        Document claimed = outbox.findOneAndUpdate(new Document("_id", id).append("attempts", attempts),
                Updates.combine(Updates.set("attempts", attempts + 1),
                        Updates.set("nextAttemptAt", Date.from(now.plus(LEASE)))));
        if (claimed == null) {
            return false; // another worker has it
        }
        UserAccount recipient = accounts.findByUsername(message.getString("recipient")).filter(UserAccount::enabled)
                .orElse(null);
        if (recipient == null || recipient.email() == null) {
            outbox.deleteOne(new Document("_id", id));
            return false;
        }
        try {
            mails.send(recipient, message.getString("kind"));
            outbox.deleteOne(new Document("_id", id));
            return true;
        } catch (RuntimeException e) {
            failed(id, attempts + 1, now, e);
            return false;
        }
    }

    private void failed(String id, int attempts, Instant now, RuntimeException e) {
        boolean givenUp = attempts >= settings.maxAttempts();
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        outbox.updateOne(new Document("_id", id), Updates.combine(
                Updates.set("status", givenUp ? FAILED : PENDING),
                Updates.set("nextAttemptAt", Date.from(now.plus(delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY
                        : delay))),
                Updates.set("lastError", e.getClass().getSimpleName()),
                givenUp ? Updates.set("givenUpAt", Date.from(now)) : Updates.unset("givenUpAt")));
        // the message and address are not logged
        LOG.warn("E-mail notification {} not sent, attempt {} of {} ({}){}", id, attempts, settings.maxAttempts(),
                e.getClass().getSimpleName(), givenUp ? ": given up" : "");
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!settings.enabled() || settings.interval().isZero() || settings.interval().isNegative()) {
            return;
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mail-outbox");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1_000, settings.interval().toMillis());
        scheduler.scheduleWithFixedDelay(this::sendDueQuietly, 0, millis, TimeUnit.MILLISECONDS);
        worker = scheduler;
    }

    /** Sends soon on the worker thread, not in the caller's. */
    private void kick() {
        ScheduledExecutorService scheduler = worker;
        if (scheduler != null) {
            try {
                scheduler.execute(this::sendDueQuietly);
            } catch (RejectedExecutionException e) {
                // shutting down: the next start sends it
            }
        }
    }

    private void sendDueQuietly() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            LOG.warn("E-mail outbox not drained ({})", e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void stop() {
        if (worker != null) {
            worker.shutdownNow();
        }
    }
}
