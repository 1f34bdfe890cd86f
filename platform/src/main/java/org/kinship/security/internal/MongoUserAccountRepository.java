package org.kinship.security.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.kinship.security.UserAccount;
import org.kinship.shared.StaleVersionException;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.springframework.stereotype.Repository;

/** Users in the {@code users} collection; user names are unique case-insensitively ({@code usernameKey}). */
@Repository
public class MongoUserAccountRepository {

    private final MongoCollection<Document> users;
    private final DocumentMapper mapper;

    MongoUserAccountRepository(MongoDatabase database, DocumentMapper mapper) {
        this.users = database.getCollection("users");
        this.mapper = mapper;
        users.createIndex(Indexes.ascending("usernameKey"), new IndexOptions().unique(true).name("username_unique"));
        users.createIndex(Indexes.ascending("agencyCode"), new IndexOptions().name("agency"));
    }

    public long count() {
        return users.countDocuments();
    }

    public Optional<UserAccount> findByUsername(String username) {
        return Optional.ofNullable(users.find(eq("usernameKey", UserAccount.normalize(username))).first())
                .map(this::toAccount);
    }

    public Optional<UserAccount> findById(String id) {
        return Optional.ofNullable(users.find(eq("_id", id)).first()).map(this::toAccount);
    }

    public List<UserAccount> findAll() {
        return users.find().sort(Sorts.ascending("usernameKey")).map(this::toAccount)
                .into(new ArrayList<>());
    }

    public List<UserAccount> findByAgency(String agencyCode) {
        return users.find(eq("agencyCode", agencyCode)).map(this::toAccount).into(new ArrayList<>());
    }

    /** Inserts a new account; a duplicate user name fails with the driver's duplicate-key error. */
    public void insert(UserAccount account) {
        users.insertOne(toDocument(account));
    }

    /** Replaces an account if it still has {@code account.version()}; the stored copy gets version + 1. */
    public UserAccount update(UserAccount account) {
        UserAccount next = new UserAccount(account.id(), account.username(), account.passwordHash(),
                account.displayName(), account.roles(), account.agencyCode(), account.preferredLocale(),
                account.email(), account.enabled(), account.failedLogins(), account.lockedUntil(), account.lastLoginAt(),
                account.createdAt(), account.version() + 1);
        Document replaced = users.findOneAndReplace(and(eq("_id", account.id()), eq("version", account.version())),
                toDocument(next));
        if (replaced == null) {
            throw new StaleVersionException("user", account.id(), account.version());
        }
        return next;
    }

    /** Counts one more failed sign-in and answers the account as it is now. */
    public Optional<UserAccount> recordFailure(String id) {
        return Optional.ofNullable(users.findOneAndUpdate(eq("_id", id), inc("failedLogins", 1),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).map(this::toAccount);
    }

    public void lockUntil(String id, Instant until) {
        users.updateOne(eq("_id", id), combine(set("lockedUntil", Date.from(until)), set("failedLogins", 0)));
    }

    public void recordSuccess(String id, Instant at) {
        users.updateOne(eq("_id", id),
                combine(set("failedLogins", 0), set("lockedUntil", null), set("lastLoginAt", Date.from(at))));
    }

    private Document toDocument(UserAccount account) {
        return mapper.toDocument(account).append("usernameKey", UserAccount.normalize(account.username()));
    }

    private UserAccount toAccount(Document document) {
        return mapper.fromDocument(document, UserAccount.class);
    }
}
