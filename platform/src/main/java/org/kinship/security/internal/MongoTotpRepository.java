package org.kinship.security.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.kinship.security.FieldEncryptor;
import org.springframework.stereotype.Repository;

/**
 * TOTP enrolments in the {@code totp} collection ({@code _id} = user id). The secret is stored encrypted with
 * the user id as context; {@code lastStep} makes each code usable once.
 */
@Repository
public class MongoTotpRepository {

    /** A user's enrolment; {@code confirmed} once a code from the app was accepted. */
    public record Enrolment(byte[] secret, boolean confirmed, long lastStep) {
    }

    private final MongoCollection<Document> totp;
    private final FieldEncryptor encryptor;

    MongoTotpRepository(MongoDatabase database, FieldEncryptor encryptor) {
        this.totp = database.getCollection("totp");
        this.encryptor = encryptor;
    }

    public Optional<Enrolment> find(String userId) {
        Document document = totp.find(eq("_id", userId)).first();
        if (document == null) {
            return Optional.empty();
        }
        String secret = String.valueOf(encryptor.decrypt(document.get("secret"), context(userId)));
        return Optional.of(new Enrolment(Base32.decode(secret), document.getBoolean("confirmed", false),
                document.get("lastStep", Number.class).longValue()));
    }

    /** Starts (or restarts, unconfirmed) an enrolment with a new secret. */
    public void savePending(String userId, byte[] secret, Instant at) {
        Map<String, Object> encrypted = encryptor.encrypt(Base32.encode(secret), context(userId));
        totp.replaceOne(eq("_id", userId), new Document("_id", userId).append("secret", new Document(encrypted))
                .append("confirmed", false).append("lastStep", -1L).append("createdAt", Date.from(at)),
                new ReplaceOptions().upsert(true));
    }

    /**
     * Records that the code of {@code step} was used, and confirms the enrolment; false when that step (or a
     * later one) was already used, so a code cannot be replayed.
     */
    public boolean use(String userId, long step) {
        return totp.updateOne(and(eq("_id", userId), lt("lastStep", step)),
                combine(set("lastStep", step), set("confirmed", true)))
                .getModifiedCount() == 1;
    }

    public void delete(String userId) {
        totp.deleteOne(eq("_id", userId));
    }

    private static String context(String userId) {
        return "totp/" + userId;
    }
}
