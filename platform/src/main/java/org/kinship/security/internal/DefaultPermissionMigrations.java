package org.kinship.security.internal;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.kinship.security.DefaultRoles;
import org.kinship.security.Permission;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.Permission.Scope;
import org.kinship.security.Role;
import org.kinship.security.SecurityChanged;
import org.kinship.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Roles are data and seeding never overwrites them, so a permission that a later release adds to a default role
 * would never reach an installation seeded before (ADR 0017). Each such addition is a migration with a stable id,
 * applied once at start to the role if it still exists: the permissions it names are added where missing, audited as
 * {@code permission.change} by {@code system}, and the id is recorded in {@code role_migrations}. A recorded migration
 * is never applied again, so a permission an administrator removed afterwards stays removed. On a new installation
 * the seeded roles already hold everything and the migrations are recorded with nothing added.
 *
 * <p>Exactly once across nodes: a node claims a migration by inserting its id (unique {@code _id}); only the node
 * whose insert succeeds applies it. A claim left by a node that stopped before finishing is taken over after
 * {@link #STALE_CLAIM}; applying again is harmless because only missing permissions are added.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DefaultPermissionMigrations implements ApplicationRunner {

    /** One addition to a default role. Ids are stable forever: never rename or reuse one. */
    record Migration(String id, String role, Set<Permission> permissions) {

        Migration {
            permissions = Set.copyOf(permissions);
        }
    }

    static final Duration STALE_CLAIM = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(DefaultPermissionMigrations.class);
    private static final int ATTEMPTS = 5;
    private static final String CLAIMED = "claimed";
    private static final String APPLIED = "applied";

    /** Every default permission introduced after the first release, oldest first. Append only. */
    static final List<Migration> ALL = List.of(
            new Migration("2026-11-supervisor-case-override-target", DefaultRoles.SUPERVISOR,
                    Set.of(Permission.of(Resource.CASE, Action.OVERRIDE_TARGET, Scope.AGENCY))),
            new Migration("2026-11-administrator-matching", DefaultRoles.ADMINISTRATOR,
                    Set.of(Permission.of(Resource.MATCHING, Action.VIEW, Scope.ALL),
                            Permission.of(Resource.MATCHING, Action.MANAGE, Scope.ALL))),
            new Migration("2026-11-case-worker-case-view-sensitive", DefaultRoles.CASE_WORKER,
                    Set.of(Permission.of(Resource.CASE, Action.VIEW_SENSITIVE, Scope.OWN))),
            new Migration("2026-11-supervisor-case-view-sensitive", DefaultRoles.SUPERVISOR,
                    Set.of(Permission.of(Resource.CASE, Action.VIEW_SENSITIVE, Scope.AGENCY))));

    private final MongoCollection<Document> migrations;
    private final MongoRoleRepository roles;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DefaultPermissionMigrations(MongoDatabase database, MongoRoleRepository roles, ApplicationEventPublisher events,
            Clock clock) {
        this.migrations = database.getCollection("role_migrations");
        this.roles = roles;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> applied = apply(ALL);
        if (!applied.isEmpty()) {
            LOG.info("Default role permissions migrated: {}", applied);
        }
    }

    /** Applies every migration not recorded yet (and not claimed by another node); answers the ids applied now. */
    List<String> apply(List<Migration> list) {
        List<String> done = new ArrayList<>();
        for (Migration migration : list) {
            Optional<Date> claim = claim(migration.id());
            if (claim.isEmpty()) {
                continue;
            }
            try {
                Set<Permission> added = addMissing(migration);
                migrations.updateOne(eq("_id", migration.id()), Updates.combine(Updates.set("state", APPLIED),
                        Updates.set("appliedAt", Date.from(clock.instant())), Updates.set("role", migration.role()),
                        Updates.set("added", added.stream().map(Permission::toString).sorted().toList())));
                done.add(migration.id());
            } catch (RuntimeException e) {
                // give the claim back so that the next start retries at once
                migrations.deleteOne(Filters.and(eq("_id", migration.id()), eq("state", CLAIMED),
                        eq("claimedAt", claim.get())));
                throw e;
            }
        }
        return done;
    }

    /** The claim time when this node may apply the migration now. */
    private Optional<Date> claim(String id) {
        Date now = Date.from(clock.instant());
        Document existing = migrations.find(eq("_id", id)).first();
        if (existing == null) {
            try {
                migrations.insertOne(new Document("_id", id).append("state", CLAIMED).append("claimedAt", now));
                return Optional.of(now);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return Optional.empty();
                }
                throw e;
            }
        }
        Date claimedAt = existing.getDate("claimedAt");
        if (!CLAIMED.equals(existing.getString("state")) || claimedAt == null
                || claimedAt.toInstant().isAfter(clock.instant().minus(STALE_CLAIM))) {
            return Optional.empty();
        }
        // a node stopped while applying it: take the claim over, if no other node did
        boolean taken = migrations.updateOne(Filters.and(eq("_id", id), eq("claimedAt", claimedAt)),
                Updates.set("claimedAt", now)).getModifiedCount() == 1;
        return taken ? Optional.of(now) : Optional.empty();
    }

    private Set<Permission> addMissing(Migration migration) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Role> found = roles.findByName(migration.role());
            if (found.isEmpty()) {
                return Set.of();
            }
            Role role = found.get();
            Set<Permission> missing = new LinkedHashSet<>(migration.permissions());
            missing.removeAll(role.permissions());
            if (missing.isEmpty()) {
                return Set.of();
            }
            Set<Permission> granted = new LinkedHashSet<>(role.permissions());
            granted.addAll(missing);
            try {
                Role stored = roles.update(new Role(role.name(), role.labels(), granted, role.version()));
                events.publishEvent(new SecurityChanged(null, "system", SecurityChanged.PERMISSION_CHANGE, "role",
                        stored.name(), Map.of("change", "migration", "migration", migration.id(), "added",
                                String.join(",", missing.stream().map(Permission::toString).sorted().toList()))));
                return missing;
            } catch (StaleVersionException e) {
                // an administrator saved the role meanwhile: read it again
            }
        }
        throw new IllegalStateException("Role " + migration.role() + " kept changing; migration " + migration.id()
                + " is retried at the next start");
    }

    /** For tests and operators: whether a migration is recorded as applied. */
    boolean applied(String id) {
        Document document = migrations.find(eq("_id", id)).first();
        return document != null && APPLIED.equals(document.getString("state"));
    }
}
