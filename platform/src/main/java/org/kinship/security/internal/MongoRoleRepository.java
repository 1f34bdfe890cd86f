package org.kinship.security.internal;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.kinship.security.Role;
import org.kinship.shared.StaleVersionException;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.springframework.stereotype.Repository;

/** Roles in the {@code roles} collection, keyed by name; the default roles are added when missing. */
@Repository
public class MongoRoleRepository {

    private final MongoCollection<Document> roles;
    private final DocumentMapper mapper;

    MongoRoleRepository(MongoDatabase database, DocumentMapper mapper) {
        this.roles = database.getCollection("roles");
        roles.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
        this.mapper = mapper;
        DefaultRolePermissions.roles().forEach(this::insertIfMissing);
    }

    public List<Role> findAll() {
        return roles.find().sort(Sorts.ascending("_id")).map(this::toRole).into(new ArrayList<>());
    }

    public List<Role> findByNames(Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return roles.find(in("_id", List.copyOf(names))).map(this::toRole).into(new ArrayList<>());
    }

    public Optional<Role> findByName(String name) {
        return Optional.ofNullable(roles.find(eq("_id", name)).first()).map(this::toRole);
    }

    /** Inserts a new role; false when the name is taken. */
    public boolean insert(Role role) {
        try {
            roles.insertOne(toDocument(role));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Replaces a role if it still has {@code role.version()}; the stored copy gets version + 1. */
    public Role update(Role role) {
        Role next = new Role(role.name(), role.labels(), role.permissions(), role.version() + 1);
        // a plain {_id, version} document (served by id_version on the embedded server, which scans for $and)
        if (roles.findOneAndReplace(new Document("_id", role.name()).append("version", role.version()),
                toDocument(next)) == null) {
            throw new StaleVersionException("role", role.name(), role.version());
        }
        return next;
    }

    private void insertIfMissing(Role role) {
        insert(role);
    }

    private Document toDocument(Role role) {
        Document document = new Document("_id", role.name());
        document.putAll(mapper.toDocument(role));
        return document;
    }

    private Role toRole(Document document) {
        return mapper.fromDocument(document, Role.class);
    }
}
