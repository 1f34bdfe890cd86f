package org.kinship.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditQuery;
import org.kinship.security.KinshipUser;
import org.kinship.security.PermissionDeniedException;
import org.kinship.security.UserAccountService;
import org.kinship.shared.StaleVersionException;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What the module screen relies on: saving as a user needs {@code form:manage} everywhere and is audited as a
 * configuration change naming what changed; a stale version is refused and the stored module kept; number patterns
 * are checked with a message naming the problem; the next number is previewed without being used up.
 */
@PlatformIntegrationTest
class RecordModuleAdministrationIntegrationTests {

    @BeforeAll
    static void publishCaseForms(@Autowired ApplicationContext context) {
        CaseForms.publish(context);
    }

    @Autowired
    UserAccountService accounts;

    @Autowired
    RecordModuleService modules;

    @Autowired
    CaseFileService cases;

    @Autowired
    AuditLog audit;

    @Test
    void anAdministratorsSaveIsAuditedWithWhatChangedAndAStaleOneIsRefused() {
        KinshipUser admin = KinshipUser.of(accounts.findByUsername("admin").orElseThrow());
        RecordModule created = modules.save(admin, module("audited-module", "AM-{seq:3}", 0));
        RecordModule changed = modules.save(admin, new RecordModule(created.id(), created.recordType(),
                created.name(), List.of(created.sections().getFirst().withAccess("referral_recipient",
                        SectionAccess.READ)), created.registrationSection(), "AM-{year}-{seq:3}", null,
                created.indexedFields(), created.version()));

        assertThat(changed.version()).isEqualTo(created.version() + 1);
        List<AuditEntry> entries = audit.search(new AuditQuery("admin", AuditActions.CONFIG_CHANGE, "record_module",
                "audited-module", null, null), 0, 10).entries();
        assertThat(entries).extracting(e -> e.details().get("changed")).containsExactly(
                "sectionAccess,numberPattern",
                "name,sections,sectionAccess,registrationSection,numberPattern,workflow,indexedFields,recordType");
        assertThatThrownBy(() -> modules.save(admin, module("audited-module", "OTHER-{seq}", created.version())))
                .isInstanceOf(StaleVersionException.class);
        assertThat(modules.find("audited-module").orElseThrow().numberPattern()).isEqualTo("AM-{year}-{seq:3}");
    }

    @Test
    void aUserWithoutFormManagementCannotSaveAModuleAndTheRefusalIsAudited() {
        KinshipUser worker = new CaseTestUsers(accounts).worker("RMAA");

        assertThatThrownBy(() -> modules.save(worker, module("workers-module", "W-{seq}", 0)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(modules.find("workers-module")).isEmpty();
        assertThat(audit.search(new AuditQuery(worker.username(), AuditActions.ACCESS_DENIED, "form",
                "workers-module", null, null), 0, 5).entries()).hasSize(1);
    }

    @Test
    void invalidNumberPatternsAreRefusedNamingTheProblem() {
        Map<String, String> problems = Map.of(
                "CASE-{agency}", "cases.module.badPattern",
                "{seq}-{seq}", "cases.module.patternTwoSequences",
                "C-{agnecy}-{seq}", "cases.module.patternPlaceholder",
                "C {seq}", "cases.module.patternCharacter",
                "C-{seq:0}", "cases.module.patternWidth",
                "C-{seq:13}", "cases.module.patternWidth",
                "", "cases.module.patternLength",
                "C-" + "X".repeat(60) + "{seq}", "cases.module.patternLength");
        problems.forEach((pattern, key) -> assertThatThrownBy(() -> modules.checkNumberPattern(pattern)).as(pattern)
                .isInstanceOfSatisfying(CaseRequestRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(key)));
        assertThatThrownBy(() -> modules.checkNumberPattern("C-{agnecy}-{seq}"))
                .isInstanceOfSatisfying(CaseRequestRefusedException.class,
                        e -> assertThat(e.args()).containsExactly("{agnecy}"));
        modules.checkNumberPattern("{agency}/{module}.{year}_{seq:12}");
    }

    @Test
    void thePreviewShowsTheNextNumberWithoutUsingItUp() {
        KinshipUser admin = KinshipUser.of(accounts.findByUsername("admin").orElseThrow());
        RecordModule module = modules.save(admin, module("preview-module", "PV-{agency}-{seq:4}", 0));
        KinshipUser worker = new CaseTestUsers(accounts).worker("RMAB");

        assertThat(modules.previewNumber(module.id(), "case", module.numberPattern(), "RMAB")).isEqualTo("PV-RMAB-0001");
        assertThat(modules.previewNumber(module.id(), "case", module.numberPattern(), "RMAB")).isEqualTo("PV-RMAB-0001");
        CaseFile first = cases.register(worker, module.id(), CaseFiles.aRegisteredCase().data(), Locale.ENGLISH);
        assertThat(first.caseNumber()).isEqualTo("PV-RMAB-0001");
        assertThat(modules.previewNumber(module.id(), "case", module.numberPattern(), "RMAB")).isEqualTo("PV-RMAB-0002");
        assertThatThrownBy(() -> modules.previewNumber("preview-module", "case", "PV-{seq}-{seq}", "RMAB"))
                .isInstanceOf(CaseRequestRefusedException.class);
    }

    private static RecordModule module(String id, String pattern, long version) {
        return new RecordModule(id, "case", Map.of("en", "Module " + id), List.of(
                new ModuleSection("registration", "registration", ModuleSection.LATEST, 1,
                        Map.of("en", "Registration"))), "registration", pattern, null, IndexedFields.standard(),
                version);
    }
}
