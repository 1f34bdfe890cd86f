package org.kinship.cases;

import org.springframework.context.ApplicationContext;
import org.junit.jupiter.api.BeforeAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditQuery;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformIntegrationTest
class CaseAuditIntegrationTests {

    @BeforeAll
    static void publishCaseForms(@Autowired ApplicationContext context) {
        CaseForms.publish(context);
    }

    @Autowired
    CaseFileService cases;

    @Autowired
    UserAccountService accounts;

    @Autowired
    AuditLog audit;

    @Test
    void everyViewAndChangeOfACaseIsInTheAuditLogWithoutTheChildsData() {
        KinshipUser worker = new CaseTestUsers(accounts).worker("AUDA");
        CaseFile file = CaseFiles.aRegisteredCase().named("Zainab", "Audited").registeredBy(cases, worker);

        cases.get(worker, file.id());

        List<AuditEntry> entries = audit.search(new AuditQuery(null, null, "case", file.id(), null, null), 0, 50)
                .entries();
        assertThat(entries).extracting(AuditEntry::action)
                .contains(AuditActions.RECORD_CHANGE, AuditActions.RECORD_VIEW);
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.actorName()).isEqualTo(worker.username());
            assertThat(entry.details().toString()).doesNotContain("Zainab", "Audited");
        });
    }

    @Test
    void aCaseWorkerOfAnotherAgencyGetsNotFoundAndSeesNothingInTheList() {
        CaseTestUsers users = new CaseTestUsers(accounts);
        CaseFile file = CaseFiles.aRegisteredCase().registeredBy(cases, users.worker("AUDB"));
        KinshipUser stranger = users.supervisor("AUDC");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cases.get(stranger, file.id()))
                .isInstanceOf(CaseNotFoundException.class);
    }
}
