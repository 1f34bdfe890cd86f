package org.kinship.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.CaseRecords;
import org.kinship.cases.CaseStatus;
import org.kinship.cases.RecordModuleService;
import org.kinship.consent.ConsentPurpose;
import org.kinship.consent.ConsentService;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.LookupService;
import org.kinship.security.DefaultRoles;
import org.kinship.security.FirstStartSettings;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.tracing.TracingRequestService;
import org.kinship.ui.cases.StandardCaseModule;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo caseload registers through the real services with the standard forms, and only when asked for. (A
 * browserless test only to share the ui tests' application context.)
 */
@PlatformIntegrationTest
class DemoCasesTests extends SpringBrowserlessTest {

    @Autowired
    FirstStartSettings settings;

    @Autowired
    UserAccountService accounts;

    @Autowired
    CaseFileService cases;

    @Autowired
    CaseRecords records;

    @Autowired
    ConsentService consent;

    @Autowired
    FormDefinitionService forms;

    @Autowired
    LookupService lookups;

    @Autowired
    RecordModuleService modules;

    @Autowired
    Optional<TracingRequestService> tracing;

    @Autowired
    Clock clock;

    @Test
    void theDemoCaseloadIsValidAgainstTheStandardFormsAndSpreadOverTheWorkers() {
        StandardCaseModule.use(modules, forms, lookups);
        List<KinshipUser> workers = List.of(
                StandardCaseModule.user(accounts, "demo.test.w1", DefaultRoles.CASE_WORKER, "DEMOA"),
                StandardCaseModule.user(accounts, "demo.test.w2", DefaultRoles.CASE_WORKER, "DEMOA"),
                StandardCaseModule.user(accounts, "demo.test.w3", DefaultRoles.CASE_WORKER, "DEMOB"),
                StandardCaseModule.user(accounts, "demo.test.w4", DefaultRoles.CASE_WORKER, "DEMOB"));
        DemoCases demo = new DemoCases(settings, accounts, cases, records, consent, forms, modules, tracing, clock);

        List<CaseFile> seeded = demo.register(workers);

        assertThat(seeded).hasSize(16);
        assertThat(seeded).extracting(CaseFile::ownerId).containsOnly(workers.stream().map(KinshipUser::id)
                .toArray(String[]::new));
        assertThat(seeded).filteredOn(file -> file.status() == CaseStatus.CLOSED).hasSize(1);
        assertThat(seeded).filteredOn(file -> file.sections().containsKey("initial_assessment")).hasSize(12);
        assertThat(seeded).extracting(CaseFile::riskLevel).contains("high", "medium", "low");
        assertThat(seeded).filteredOn(file -> consent.mayProceed(file.id(), ConsentPurpose.TRACING).allowed())
                .hasSize(13);
        // every other child has its separation recorded (the tracing section, validated by its form), which the
        // matching of the demo request compares
        assertThat(seeded).filteredOn(file -> file.sections().containsKey("tracing")).hasSize(8)
                .allSatisfy(file -> assertThat(file.sections().get("tracing").data()).containsKeys("separation_date",
                        "separation_place"));
    }

    @Test
    void withoutTheDemoNothingIsSeeded() {
        long before = records.count();
        FirstStartSettings noDemo = new FirstStartSettings(settings.admin(), false);

        new DemoCases(noDemo, accounts, cases, records, consent, forms, modules, tracing, clock).seed();

        assertThat(records.count()).isEqualTo(before);
    }
}
