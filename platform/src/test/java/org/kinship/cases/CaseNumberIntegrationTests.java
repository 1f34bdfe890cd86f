package org.kinship.cases;

import org.springframework.context.ApplicationContext;
import org.junit.jupiter.api.BeforeAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.MutableClock;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformIntegrationTest
class CaseNumberIntegrationTests {

    @BeforeAll
    static void publishCaseForms(@Autowired ApplicationContext context) {
        CaseForms.publish(context);
    }

    @Autowired
    UserAccountService accounts;

    @Autowired
    CaseFileService cases;

    @Autowired
    MutableClock clock;

    @Test
    void caseNumbersFollowThePatternAndAreUniqueUnderConcurrentRegistrations() throws Exception {
        KinshipUser worker = new CaseTestUsers(accounts).worker("NUMB");
        List<String> numbers;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<CaseFile>> registered = IntStream.range(0, 40)
                    .mapToObj(i -> pool.submit(() -> CaseFiles.aRegisteredCase().registeredBy(cases, worker))).toList();
            numbers = registered.stream().map(CaseNumberIntegrationTests::get).map(CaseFile::caseNumber).toList();
        }

        assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n.matches("NUMB-\\d{4}-000[0-4]\\d"));
        assertThat(numbers).contains(numbers.getFirst().substring(0, 10) + "00001",
                numbers.getFirst().substring(0, 10) + "00040");
    }

    @Test
    void aRefusedRegistrationUsesNoNumberAndNumbersAreNeverHandedOutAgain() {
        KinshipUser worker = new CaseTestUsers(accounts).worker("NEVR");
        String first = CaseFiles.aRegisteredCase().registeredBy(cases, worker).caseNumber();
        try {
            CaseFiles.aRegisteredCase().with("$bad", 1).registeredBy(cases, worker);
        } catch (InvalidCaseDataException expected) {
            // refused before a number is drawn
        }
        String second = CaseFiles.aRegisteredCase().registeredBy(cases, worker).caseNumber();

        assertThat(first).endsWith("-00001");
        assertThat(second).endsWith("-00002");
    }

    @Test
    void eachAgencyAndYearCountsOnItsOwn() {
        KinshipUser north = new CaseTestUsers(accounts).worker("NRTH");
        KinshipUser south = new CaseTestUsers(accounts).worker("STH");
        Instant now = clock.instant();
        try {
            clock.set(Instant.parse("2031-03-01T10:00:00Z"));
            String a = CaseFiles.aRegisteredCase().registeredBy(cases, north).caseNumber();
            String b = CaseFiles.aRegisteredCase().registeredBy(cases, south).caseNumber();
            clock.set(Instant.parse("2032-01-02T10:00:00Z"));
            String c = CaseFiles.aRegisteredCase().registeredBy(cases, north).caseNumber();

            assertThat(List.of(a, b, c)).containsExactly("NRTH-2031-00001", "STH-2031-00001", "NRTH-2032-00001");
        } finally {
            clock.set(now);
        }
    }

    private static CaseFile get(Future<CaseFile> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
