package org.kinship.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.RecordScope.Level;
import org.kinship.security.internal.MongoRoleRepository;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformIntegrationTest
class PermissionServiceIntegrationTests {

    @Autowired
    PermissionService permissions;

    @Autowired
    UserGroupService groups;

    @Autowired
    MongoRoleRepository roles;

    @Autowired
    MongoDatabase database;

    @Autowired
    UserAccountService accounts;

    private static KinshipUser user(String id, String role, String agency) {
        return new KinshipUser(id, id, id, Set.of(role), agency, null);
    }

    @Test
    void defaultRolesGiveCaseWorkersTheirOwnCasesAndSupervisorsTheirAgency() {
        assertThat(permissions.scopeFor(user("w1", DefaultRoles.CASE_WORKER, "HOPE"), Resource.CASE, Action.VIEW)
                .level()).isEqualTo(Level.OWN);
        assertThat(permissions.scopeFor(user("s1", DefaultRoles.SUPERVISOR, "HOPE"), Resource.CASE, Action.VIEW))
                .isEqualTo(new RecordScope(Level.AGENCY, "s1", Set.of(), "HOPE"));
    }

    @Test
    void dataAnalystsSeeReportsButNoCase() {
        KinshipUser analyst = user("a1", DefaultRoles.DATA_ANALYST, "HOPE");

        assertThat(permissions.can(analyst, Resource.REPORT, Action.VIEW)).isTrue();
        assertThat(permissions.can(analyst, Resource.CASE, Action.VIEW)).isFalse();
        assertThat(permissions.scopeFor(analyst, Resource.CASE, Action.VIEW).allowsAny()).isFalse();
    }

    @Test
    void administratorsConfigureButDoNotReadCaseFiles() {
        KinshipUser admin = user("ad1", DefaultRoles.ADMINISTRATOR, null);

        assertThat(permissions.can(admin, Resource.USER, Action.MANAGE)).isTrue();
        assertThat(permissions.can(admin, Resource.AUDIT_LOG, Action.VIEW)).isTrue();
        assertThat(permissions.can(admin, Resource.CASE, Action.VIEW)).isFalse();
    }

    @Test
    void groupScopeReachesTheRecordsOfTheUsersGroupsAcrossAgencies() {
        roles.insert(new Role("group_worker", Map.of("en", "Group worker"),
                Set.of(Permission.parse("case:view:group")), 0));
        String gw1 = accounts.create("group.worker1", "Correct-Horse-Battery-9", "Group worker 1", Set.of("group_worker"),
                null).id();
        String gw2 = accounts.create("group.worker2", "Correct-Horse-Battery-9", "Group worker 2", Set.of("group_worker"),
                null).id();
        UserGroup team = groups.create(user("root", DefaultRoles.ADMINISTRATOR, null), "Joint team", Set.of(gw1, gw2),
                Set.of());
        MongoCollection<Document> cases = database.getCollection("scope_test_cases");
        cases.insertMany(List.of(
                new Document("_id", "mine").append("ownerId", gw1).append("agencyCode", "HOPE"),
                new Document("_id", "team").append("ownerId", gw2).append("groupIds", List.of(team.id()))
                        .append("agencyCode", "RISE"),
                new Document("_id", "assigned").append("ownerId", "x").append("assignedTo", List.of(gw1)),
                new Document("_id", "other").append("ownerId", "x").append("agencyCode", "HOPE")));

        RecordScope scope = permissions.scopeFor(user(gw1, "group_worker", "HOPE"), Resource.CASE, Action.VIEW);
        List<Object> visible = cases.find(scope.toMongoFilter("ownerId", "assignedTo", "groupIds", "agencyCode"))
                .map(document -> document.get("_id")).into(new ArrayList<>());

        assertThat(scope.level()).isEqualTo(Level.GROUP);
        assertThat(visible).containsExactlyInAnyOrder("mine", "team", "assigned");
    }

    @Test
    void aScopeWithNothingAllowedFindsNothingInMongoDb() {
        MongoCollection<Document> cases = database.getCollection("scope_test_none");
        cases.insertOne(new Document("_id", "c1").append("ownerId", "a2"));

        RecordScope scope = permissions.scopeFor(user("a2", DefaultRoles.DATA_ANALYST, null), Resource.CASE,
                Action.VIEW);

        assertThat(cases.countDocuments(scope.toMongoFilter("ownerId", "assignedTo", "groupIds", "agencyCode")))
                .isZero();
    }
}
