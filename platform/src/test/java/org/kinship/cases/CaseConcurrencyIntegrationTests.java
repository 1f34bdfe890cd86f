package org.kinship.cases;

import org.springframework.context.ApplicationContext;
import org.junit.jupiter.api.BeforeAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformIntegrationTest
class CaseConcurrencyIntegrationTests {

    @BeforeAll
    static void publishCaseForms(@Autowired ApplicationContext context) {
        CaseForms.publish(context);
    }

    @Autowired
    UserAccountService accounts;

    @Autowired
    CaseFileService cases;

    @Autowired
    CaseListService lists;

    @Test
    void ofEightEditsOnTheSameVersionExactlyOneIsStoredAndTheOthersAreRefused() throws Exception {
        KinshipUser worker = new CaseTestUsers(accounts).worker("CONA");
        CaseFile file = CaseFiles.aRegisteredCase().registeredBy(cases, worker);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                String lastName = "Writer" + i;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        cases.editSection(worker, file.id(), 1, null, Map.of("family_name", lastName), Locale.ENGLISH);
                        return lastName;
                    } catch (CaseVersionConflictException refused) {
                        return "refused";
                    }
                }));
            }
            start.countDown();
        }
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }

        List<String> stored = results.stream().filter(r -> !r.equals("refused")).toList();
        assertThat(stored).hasSize(1);
        CaseFile after = cases.get(worker, file.id());
        assertThat(after.version()).isEqualTo(2);
        assertThat(after.section("registration").orElseThrow().data()).containsEntry("family_name", stored.getFirst());
        assertThat(cases.history(worker, file.id())).filteredOn(c -> c.path().equals("registration/family_name"))
                .extracting(FieldChange::newValue).containsExactly("Bakari", stored.getFirst());
        assertThat(lists.list(worker, CaseQuery.all()).items()).singleElement()
                .satisfies(row -> assertThat(row.name()).isEqualTo("Amina " + stored.getFirst()));
    }

    @Test
    void notesWrittenAtTheSameTimeWithoutAVersionAreAllKept() throws Exception {
        KinshipUser worker = new CaseTestUsers(accounts).worker("CONB");
        CaseFile file = CaseFiles.aRegisteredCase().registeredBy(cases, worker);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                int n = i;
                pool.submit(() -> cases.addNote(worker, file.id(), null, "Visit " + n));
            }
        }

        assertThat(cases.get(worker, file.id()).notes()).extracting(CaseNote::text)
                .containsExactlyInAnyOrder("Visit 0", "Visit 1", "Visit 2", "Visit 3");
    }
}
