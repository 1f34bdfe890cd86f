package org.kinship.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.bson.BsonDocument;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.kinship.security.RecordScope.Level;

class RecordScopeTests {

    private static String filter(RecordScope scope) {
        Bson bson = scope.toMongoFilter("ownerId", "assignedTo", "groupIds", "agencyCode");
        return bson.toBsonDocument(BsonDocument.class, com.mongodb.MongoClientSettings.getDefaultCodecRegistry())
                .toJson();
    }

    @Test
    void ownScopeMatchesRecordsTheUserOwnsOrIsAssigned() {
        assertThat(filter(new RecordScope(Level.OWN, "u1", Set.of(), "HOPE")))
                .isEqualTo("{\"$or\": [{\"ownerId\": \"u1\"}, {\"assignedTo\": \"u1\"}]}");
    }

    @Test
    void groupScopeAddsTheRecordsOfTheUsersGroups() {
        assertThat(filter(new RecordScope(Level.GROUP, "u1", Set.of("g2", "g1"), "HOPE"))).isEqualTo(
                "{\"$or\": [{\"ownerId\": \"u1\"}, {\"assignedTo\": \"u1\"}, {\"groupIds\": {\"$in\": [\"g1\", \"g2\"]}}]}");
    }

    @Test
    void agencyScopeAddsTheRecordsOfTheUsersAgency() {
        assertThat(filter(new RecordScope(Level.AGENCY, "u1", Set.of(), "HOPE"))).isEqualTo(
                "{\"$or\": [{\"ownerId\": \"u1\"}, {\"assignedTo\": \"u1\"}, {\"agencyCode\": \"HOPE\"}]}");
    }

    @Test
    void agencyScopeWithoutAnAgencyFallsBackToOwnRecords() {
        assertThat(new RecordScope(Level.AGENCY, "u1", Set.of(), null).level()).isEqualTo(Level.OWN);
    }

    @Test
    void allScopeFiltersNothingAndNoScopeMatchesNothing() {
        assertThat(filter(new RecordScope(Level.ALL, "u1", Set.of(), null))).isEqualTo("{}");
        assertThat(filter(RecordScope.none("u1"))).isEqualTo("{\"_id\": {\"$in\": []}}");
    }

    @Test
    void inMemoryCheckFollowsTheSameRules() {
        RecordScope agency = new RecordScope(Level.AGENCY, "u1", Set.of(), "HOPE");

        assertThat(agency.permits("u2", List.of(), List.of(), "HOPE")).isTrue();
        assertThat(agency.permits("u2", List.of("u1"), List.of(), "RISE")).isTrue();
        assertThat(agency.permits("u2", List.of(), List.of(), "RISE")).isFalse();
        assertThat(new RecordScope(Level.GROUP, "u1", Set.of("g1"), null).permits("u2", List.of(), List.of("g1"), null))
                .isTrue();
        assertThat(RecordScope.none("u1").permits("u1", List.of(), List.of(), null)).isFalse();
    }

    @Test
    void permissionsReadAndWriteAsResourceActionScope() {
        Permission permission = Permission.parse("tracing_request:view:agency");

        assertThat(permission).isEqualTo(Permission.of(Permission.Resource.TRACING_REQUEST, Permission.Action.VIEW,
                Permission.Scope.AGENCY));
        assertThat(permission.toString()).isEqualTo("tracing_request:view:agency");
        assertThat(permission.grants(Permission.Resource.TRACING_REQUEST, Permission.Action.VIEW,
                Permission.Scope.OWN)).isTrue();
        assertThat(permission.grants(Permission.Resource.TRACING_REQUEST, Permission.Action.VIEW,
                Permission.Scope.ALL)).isFalse();
    }
}
