package org.kinship.consent;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Test;
import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditQuery;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.security.PermissionDeniedException;
import org.kinship.shared.Ids;
import org.kinship.shared.StaleVersionException;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformIntegrationTest
class ConsentServiceIntegrationTests {

    private static final KinshipUser WORKER = new KinshipUser("cw-1", "consent.worker", "Worker",
            Set.of(DefaultRoles.CASE_WORKER), "HOPE", null);
    private static final KinshipUser SUPERVISOR = new KinshipUser("sv-1", "consent.supervisor", "Supervisor",
            Set.of(DefaultRoles.SUPERVISOR), "HOPE", null);

    @Autowired
    ConsentService consent;

    @Autowired
    AuditLog audit;

    @Autowired
    MongoDatabase database;

    private static String newRecord() {
        return "case-" + Ids.newId();
    }

    private AuditEntry lastAudit(String action, String recordId) {
        return audit.search(new AuditQuery(null, action, null, recordId, null, null), 0, 1).entries().getFirst();
    }

    @Test
    void withoutRecordedConsentNothingMayProceed() {
        String record = newRecord();

        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            assertThat(consent.mayProceed(record, purpose)).isEqualTo(new ConsentCheck(false, "consent.notRecorded",
                    null));
        }
    }

    @Test
    void givenConsentAllowsThePurposeAndRefusedOrUnaskedDeniesItAndTheRecordingIsAudited() {
        String record = newRecord();

        ConsentRecord stored = consent.record(WORKER, record, Map.of(ConsentPurpose.SERVICES, ConsentDecision.GIVEN,
                ConsentPurpose.TRACING, ConsentDecision.REFUSED), DataProtectionWishes.NONE, 0);

        assertThat(stored.recordedByName()).isEqualTo("consent.worker");
        assertThat(consent.mayProceed(record, ConsentPurpose.SERVICES).allowed()).isTrue();
        assertThat(consent.mayProceed(record, ConsentPurpose.TRACING).reason()).isEqualTo("consent.refused");
        assertThat(consent.mayProceed(record, ConsentPurpose.REPORTING).reason()).isEqualTo("consent.notAsked");
        assertThat(lastAudit(AuditActions.CONSENT_CHANGE, record).details()).containsEntry("decisions",
                "services=given,sharing=not_asked,tracing=refused,reporting=not_asked");
    }

    @Test
    void recordingAgainNeedsTheCurrentVersionAndKeepsTheEarlierOneInTheHistory() {
        String record = newRecord();
        consent.record(WORKER, record, Map.of(ConsentPurpose.TRACING, ConsentDecision.REFUSED),
                DataProtectionWishes.NONE, 0);

        ConsentRecord second = consent.record(WORKER, record, Map.of(ConsentPurpose.TRACING, ConsentDecision.GIVEN),
                DataProtectionWishes.NONE, 0);

        assertThat(second.version()).isEqualTo(1);
        assertThat(consent.history(record)).singleElement()
                .satisfies(first -> assertThat(first.decision(ConsentPurpose.TRACING)).isEqualTo(ConsentDecision.REFUSED));
        assertThatThrownBy(() -> consent.record(WORKER, record, Map.of(), DataProtectionWishes.NONE, 0))
                .isInstanceOf(StaleVersionException.class);
    }

    @Test
    void aSupervisorOverridesARefusalWithAReasonAndTheOverrideIsAuditedWithoutTheReason() {
        String record = newRecord();
        consent.record(WORKER, record, Map.of(ConsentPurpose.SHARING, ConsentDecision.REFUSED),
                DataProtectionWishes.NONE, 0);

        ConsentCheck check = consent.override(record, ConsentPurpose.SHARING, SUPERVISOR,
                "Medical emergency, hospital needs history");

        assertThat(check.allowed()).isTrue();
        assertThat(consent.mayProceed(record, ConsentPurpose.SHARING).reason()).isEqualTo("consent.overridden");
        AuditEntry entry = lastAudit(AuditActions.CONSENT_OVERRIDE, record);
        assertThat(entry.actorName()).isEqualTo("consent.supervisor");
        assertThat(entry.details()).containsEntry("purpose", "sharing");
        assertThat(entry.details().toString()).doesNotContain("hospital");
    }

    @Test
    void aCaseWorkerMayNotOverrideAndTheAttemptIsAudited() {
        String record = newRecord();

        assertThatThrownBy(() -> consent.override(record, ConsentPurpose.TRACING, WORKER, "I think it is fine"))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(lastAudit(AuditActions.ACCESS_DENIED, record).actorName()).isEqualTo("consent.worker");
        assertThat(consent.mayProceed(record, ConsentPurpose.TRACING).allowed()).isFalse();
    }

    @Test
    void doNotShareWishesDenySharingWithThatAgencyOnly() {
        String record = newRecord();
        consent.record(WORKER, record, Map.of(ConsentPurpose.SHARING, ConsentDecision.GIVEN),
                new DataProtectionWishes("Father works at RISE", Set.of("no_photos"), Set.of("RISE")), 0);

        assertThat(consent.mayShareWith(record, "RISE").reason()).isEqualTo("consent.doNotShareWith");
        assertThat(consent.mayShareWith(record, "HOPE").allowed()).isTrue();
    }

    @Test
    void dataProtectionNotesAreEncryptedAtRestAndReadBackInClear() {
        String record = newRecord();
        consent.record(WORKER, record, Map.of(), new DataProtectionWishes("Stepfather must never learn the address",
                Set.of(), Set.of()), 0);

        String raw = database.getCollection("consents").find(eq("_id", record)).first().toJson();

        assertThat(raw).doesNotContain("Stepfather", "address").contains("_enc");
        assertThat(consent.find(record).orElseThrow().wishes().notes()).isEqualTo("Stepfather must never learn the address");
    }
}
