package org.kinship.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditQuery;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.Permission.Scope;
import org.kinship.security.Role;
import org.kinship.security.RoleService;
import org.kinship.security.UserAccountService;
import org.kinship.testing.MutableClock;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A default permission introduced after an installation was seeded reaches its role once, audited, and never again:
 * not after an administrator removed it, not from a second node. The migrations run against roles of this test
 * ({@code migration_test_*}), so that the default roles shared by the other tests stay as seeded.
 */
@PlatformIntegrationTest
class DefaultPermissionMigrationsIntegrationTests {

    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final Permission VIEW_SENSITIVE = Permission.of(Resource.CASE, Action.VIEW_SENSITIVE, Scope.OWN);
    private static final Permission VIEW = Permission.of(Resource.CASE, Action.VIEW, Scope.OWN);

    @Autowired
    DefaultPermissionMigrations migrations;
    @Autowired
    MongoRoleRepository roleRepository;
    @Autowired
    RoleService roles;
    @Autowired
    UserAccountService accounts;
    @Autowired
    AuditLog audit;
    @Autowired
    MongoDatabase database;
    @Autowired
    MutableClock clock;

    KinshipUser admin;
    String role;
    DefaultPermissionMigrations.Migration migration;

    @BeforeEach
    void setUp() {
        admin = KinshipUser.of(accounts.findByUsername(PlatformIntegrationTest.ADMIN).orElseThrow());
        int n = SERIAL.incrementAndGet();
        role = "migration_test_worker_" + n;
        // a role as an installation seeded before case:view_sensitive existed holds it
        roles.create(admin, role, Map.of("en", "Worker"), Set.of(VIEW));
        migration = new DefaultPermissionMigrations.Migration("test-" + n + "-view-sensitive", role,
                Set.of(VIEW_SENSITIVE));
    }

    @Test
    void theShippedMigrationsAreRecordedAtStartAndTheDefaultRolesHoldTheirPermissions() {
        for (DefaultPermissionMigrations.Migration shipped : DefaultPermissionMigrations.ALL) {
            assertThat(migrations.applied(shipped.id())).as(shipped.id()).isTrue();
            assertThat(roleRepository.findByName(shipped.role()).orElseThrow().permissions())
                    .containsAll(shipped.permissions());
        }
        assertThat(DefaultPermissionMigrations.ALL).extracting(DefaultPermissionMigrations.Migration::id)
                .doesNotHaveDuplicates();
    }

    @Test
    void aNewDefaultPermissionIsAddedOnceAuditedAndNotAgainAfterAnAdministratorRemovedIt() {
        assertThat(migrations.apply(List.of(migration))).containsExactly(migration.id());

        Role migrated = roleRepository.findByName(role).orElseThrow();
        assertThat(migrated.permissions()).containsExactlyInAnyOrder(VIEW, VIEW_SENSITIVE);
        assertThat(migrations.applied(migration.id())).isTrue();
        List<AuditEntry> changes = audit.search(new AuditQuery(null, "permission.change", "role", role, null, null),
                0, 20).entries();
        assertThat(changes).filteredOn(e -> "migration".equals(e.details().get("change"))).singleElement()
                .satisfies(e -> {
                    assertThat(e.actorName()).isEqualTo("system");
                    assertThat(e.details()).containsEntry("migration", migration.id())
                            .containsEntry("added", "case:view_sensitive:own");
                });

        roles.update(admin, role, migrated.labels(), Set.of(VIEW), migrated.version());
        assertThat(migrations.apply(List.of(migration))).as("applied once only").isEmpty();
        assertThat(roleRepository.findByName(role).orElseThrow().permissions()).containsExactly(VIEW);
    }

    @Test
    void aRoleThatAlreadyHoldsThePermissionOrNoLongerExistsIsLeftAsItIsAndTheMigrationRecorded() {
        Role before = roleRepository.findByName(role).orElseThrow();
        var holding = new DefaultPermissionMigrations.Migration(migration.id() + "-held", role, Set.of(VIEW));
        var gone = new DefaultPermissionMigrations.Migration(migration.id() + "-gone", role + "_deleted",
                Set.of(VIEW_SENSITIVE));

        assertThat(migrations.apply(List.of(holding, gone))).containsExactly(holding.id(), gone.id());

        assertThat(roleRepository.findByName(role).orElseThrow().version()).isEqualTo(before.version());
        assertThat(roleRepository.findByName(role + "_deleted")).isEmpty();
        Document recorded = database.getCollection("role_migrations").find(Filters.eq("_id", holding.id())).first();
        assertThat(recorded.getList("added", String.class)).isEmpty();
    }

    @Test
    void aMigrationClaimedByAnotherNodeIsLeftToItUnlessTheClaimIsStale() {
        var claims = database.getCollection("role_migrations");
        claims.insertOne(new Document("_id", migration.id()).append("state", "claimed")
                .append("claimedAt", java.util.Date.from(clock.instant())));

        assertThat(migrations.apply(List.of(migration))).as("another node is applying it").isEmpty();
        assertThat(roleRepository.findByName(role).orElseThrow().permissions()).containsExactly(VIEW);

        // that node stopped half-way: after the stale time the claim is taken over and the migration finished
        claims.updateOne(Filters.eq("_id", migration.id()), Updates.set("claimedAt",
                java.util.Date.from(clock.instant().minus(DefaultPermissionMigrations.STALE_CLAIM).minusSeconds(1))));
        assertThat(migrations.apply(List.of(migration))).containsExactly(migration.id());
        assertThat(roleRepository.findByName(role).orElseThrow().permissions()).contains(VIEW_SENSITIVE);
        assertThat(migrations.apply(List.of(migration))).isEmpty();
    }
}
