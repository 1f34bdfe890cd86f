package org.kinship.ui.admin;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import com.vaadin.browserless.SpringBrowserlessTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditActor;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditOutcome;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditVerification;
import org.kinship.security.DefaultRoles;
import org.kinship.testing.ApiClient;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.ui.testing.WithKinshipUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PlatformIntegrationTest
class AuditViewTests extends SpringBrowserlessTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    @Autowired
    AuditLog audit;

    @Autowired
    org.kinship.testing.MutableClock clock;

    @Test
    @WithKinshipUser(username = "audit.admin", role = DefaultRoles.ADMINISTRATOR)
    void theAuditViewListsSignInsAndReportsTheChainIntactThenTheFirstBrokenEntry() {
        new ApiClient(port).get("/api/v1/me", PlatformIntegrationTest.ADMIN, PlatformIntegrationTest.ADMIN_PASSWORD);
        AuditView view = navigate(AuditView.class);

        view.action.setValue(AuditActions.LOGIN_SUCCESS);
        view.search(0);
        assertThat(view.shown()).isNotEmpty().allSatisfy(entry -> assertThat(entry.action())
                .isEqualTo(AuditActions.LOGIN_SUCCESS)).extracting(AuditEntry::actorName)
                .contains(PlatformIntegrationTest.ADMIN);

        assertThat(view.verify().intact()).isTrue();
        assertThat(view.verificationText()).startsWith("The audit log is intact");

        MongoCollection<Document> audit = database.getCollection("audit");
        long sequence = view.shown().getFirst().sequence();
        String actor = audit.find(eq("_id", sequence)).first().getString("actorName");
        audit.updateOne(eq("_id", sequence), Updates.set("actorName", "someone.else"));
        try {
            AuditVerification broken = view.verify();

            assertThat(broken.intact()).isFalse();
            assertThat(broken.brokenSequence()).isEqualTo(sequence);
            assertThat(view.verificationText()).isEqualTo("The audit log is broken at entry " + sequence
                    + ": its content was changed after it was written.");
        } finally {
            // The Spring context (and its in-memory database) is shared with other test classes.
            audit.updateOne(eq("_id", sequence), Updates.set("actorName", actor));
        }
        assertThat(view.verify().intact()).isTrue();
    }

    @Test
    @WithKinshipUser(username = "audit.pager", role = DefaultRoles.ADMINISTRATOR)
    void theAuditViewPagesThroughManyEntriesNewestFirst() {
        for (int i = 1; i <= AuditView.PAGE_SIZE + 5; i++) {
            audit.record(AuditActor.SYSTEM, "test.paging", "case", "case-" + i, AuditOutcome.SUCCESS);
        }
        AuditView view = navigate(AuditView.class);
        view.action.setValue("test.paging");
        view.from.setValue(java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).minusDays(1));
        view.to.setValue(java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));

        view.search(0);
        assertThat(view.shown()).hasSize(AuditView.PAGE_SIZE).first().extracting(AuditEntry::resourceId)
                .isEqualTo("case-" + (AuditView.PAGE_SIZE + 5));
        view.search(1);
        assertThat(view.shown()).extracting(AuditEntry::resourceId).containsExactly("case-5", "case-4", "case-3",
                "case-2", "case-1");
        assertThat(view.pageText()).isEqualTo("Page 2 of 2 (55 entries)");
    }

    @Test
    @WithKinshipUser(username = "audit.worker", role = DefaultRoles.CASE_WORKER)
    void aCaseWorkerCannotOpenTheAuditLog() {
        navigate("admin/audit", com.vaadin.flow.component.Component.class);

        assertThat($(AuditView.class).all()).isEmpty();
    }
}
