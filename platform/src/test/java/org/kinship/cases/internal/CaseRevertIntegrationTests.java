package org.kinship.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.mongodb.client.model.Updates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.CaseFiles;
import org.kinship.cases.CaseForms;
import org.kinship.cases.CaseStatus;
import org.kinship.cases.CaseTestUsers;
import org.kinship.cases.FieldChange;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A merge takes back the duplicate's closing when the survivor's write is refused: the repository's revert. */
@PlatformIntegrationTest
class CaseRevertIntegrationTests {

    @BeforeAll
    static void publishCaseForms(@Autowired ApplicationContext context) {
        CaseForms.publish(context);
    }

    @Autowired
    UserAccountService accounts;

    @Autowired
    CaseFileService cases;

    @Autowired
    MongoCaseFileRepository repository;

    @Test
    void aWriteNobodyBuiltOnIsTakenBackWithItsHistoryAndVersionButNotAfterAnotherWrite() {
        KinshipUser worker = new CaseTestUsers(accounts).worker("REVT");
        CaseFile file = CaseFiles.aRegisteredCase().registeredBy(cases, worker);
        CaseFile closed = repository.update(file.id(), file.version(), Updates.set("status", "CLOSED"),
                List.of(new FieldChange("status", "OPEN", "CLOSED", worker.id(), file.updatedAt(), file.version() + 1)));

        assertThat(repository.revert(file.id(), closed.version(), Updates.set("status", "OPEN"))).isTrue();
        CaseFile back = repository.findById(file.id()).orElseThrow();
        assertThat(back.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(back.version()).isEqualTo(file.version());
        assertThat(repository.history(file.id())).extracting(FieldChange::path).doesNotContain("status");

        CaseFile edited = cases.addNote(worker, file.id(), null, "A note");
        assertThat(repository.revert(file.id(), edited.version() - 1, Updates.set("status", "CLOSED"))).isFalse();
        assertThat(repository.findById(file.id()).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
    }
}
