package org.kinship.security.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.kinship.security.UserGroup;
import org.kinship.shared.StaleVersionException;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.springframework.stereotype.Repository;

/** User groups in the {@code groups} collection, indexed by member. */
@Repository
public class MongoUserGroupRepository {

    private final MongoCollection<Document> groups;
    private final DocumentMapper mapper;

    MongoUserGroupRepository(MongoDatabase database, DocumentMapper mapper) {
        this.groups = database.getCollection("groups");
        this.mapper = mapper;
        groups.createIndex(Indexes.ascending("memberIds"), new IndexOptions().name("members"));
    }

    public List<UserGroup> findAll() {
        return groups.find().sort(Sorts.ascending("name")).map(this::toGroup).into(new ArrayList<>());
    }

    public List<UserGroup> findByMember(String userId) {
        return groups.find(eq("memberIds", userId)).map(this::toGroup).into(new ArrayList<>());
    }

    public Optional<UserGroup> findById(String id) {
        return Optional.ofNullable(groups.find(eq("_id", id)).first()).map(this::toGroup);
    }

    public void insert(UserGroup group) {
        groups.insertOne(mapper.toDocument(group));
    }

    /** Replaces a group if it still has {@code group.version()}; the stored copy gets version + 1. */
    public UserGroup update(UserGroup group) {
        UserGroup next = new UserGroup(group.id(), group.name(), group.memberIds(), group.agencyCodes(),
                group.version() + 1);
        if (groups.findOneAndReplace(and(eq("_id", group.id()), eq("version", group.version())),
                mapper.toDocument(next)) == null) {
            throw new StaleVersionException("group", group.id(), group.version());
        }
        return next;
    }

    private UserGroup toGroup(Document document) {
        return mapper.fromDocument(document, UserGroup.class);
    }
}
