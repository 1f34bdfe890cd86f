package org.kinship.templates.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.kinship.audit.AuditActor;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormDraft;
import org.kinship.forms.FormVersion;
import org.kinship.forms.LookupService;
import org.kinship.templates.ImportPlan;
import org.kinship.templates.PackageRefusedException;
import org.kinship.templates.PackageRefusedException.Reason;
import org.kinship.templates.ServiceLevelTarget;
import org.kinship.templates.TemplatePackages;
import org.kinship.templates.TemplateService;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.workflow.ServiceLevelService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Applying a package is all or nothing: a failure at any step leaves forms, versions, lookups, service levels,
 * workflows and the installation as they were, with an error naming the step; an apply interrupted so badly that it
 * could not be undone at once is undone at the next start.
 */
@PlatformIntegrationTest
class TemplateApplyAtomicityIntegrationTests {

    private static final AuditActor ADMIN = new AuditActor(null, "admin");
    private static final KeyPair PUBLISHER = Ed25519.generate();

    @Autowired
    TemplateService templates;
    @Autowired
    FormDefinitionService forms;
    @Autowired
    LookupService lookups;
    @Autowired
    ServiceLevelService serviceLevels;
    @Autowired
    RepositoryService workflowRepository;
    @Autowired
    PackageApplier applier;
    @Autowired
    ApplyRecovery recovery;
    @Autowired
    MongoTemplateRepository repository;

    private String packageId;
    private String formId;
    private String processId;
    private List<ServiceLevelTarget> levelsBefore;

    @BeforeEach
    void installTheFirstVersion() {
        templates.trust("Atomicity publisher", Ed25519.encode(PUBLISHER.getPublic()), ADMIN);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        packageId = "atomic." + suffix;
        formId = "atom_" + suffix;
        processId = "atom" + suffix.replaceAll("[^A-Za-z0-9]", "");
        levelsBefore = repository.serviceLevels();
        apply(v1());
    }

    @AfterEach
    void noHookAndTheSharedServiceLevelsBack() {
        applier.hook(null);
        serviceLevels.restoreAfterFailedPackage(ApplyRollback.levels(levelsBefore), "admin");
    }

    /** Three forms, a lookup, service levels and a workflow. */
    private TemplatePackages v1() {
        return base().withWorkflow("case.bpmn20.xml", process("First"));
    }

    private TemplatePackages base() {
        return TemplatePackages.aPackage(packageId, formId).withForms(formId + "_b", formId + "_c")
                .serviceLevels(List.of(new ServiceLevelTarget("high", 24, 72)));
    }

    /** Every item changes: a new field in each form, a relabelled and a new lookup value, targets, the workflow. */
    private TemplatePackages v2() {
        return base().version("1.1.0").withTextField("nickname", "Nickname").lookupValue("male", "Boy")
                .lookupValue("other", "Other").serviceLevels(List.of(new ServiceLevelTarget("high", 12, 48)))
                .withWorkflow("case.bpmn20.xml", process("Second"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lookup:%s_sex", "form:%s", "publish:%s", "form:%s_b", "publish:%s_c", "service-levels",
            "workflows", "record"})
    void aFailureAtAnyStepLeavesEverythingAsBeforeAndNamesTheStep(String stepPattern) {
        String step = stepPattern.formatted(formId);
        Map<String, Object> before = state();
        applier.hook(current -> {
            if (current.equals(step)) {
                throw new IllegalStateException("disk full");
            }
        });

        assertThatThrownBy(() -> apply(v2())).isInstanceOfSatisfying(PackageRefusedException.class, refused -> {
            assertThat(refused.reason()).isEqualTo(Reason.APPLY_FAILED);
            assertThat(refused.detail()).startsWith(step + ":").contains("disk full");
        });

        assertThat(state()).isEqualTo(before);
        assertThat(repository.applyInProgress()).isEmpty();
        applier.hook(null);
        ImportPlan applied = apply(v2());
        assertThat(applied.applied()).isTrue();
        assertThat(forms.latestVersion(formId + "_c").orElseThrow().schema().allFields()).containsKey("nickname");
        assertThat(lookups.get(formId + "_sex").value("male").orElseThrow().labelIn("en")).isEqualTo("Boy");
        assertThat(installedVersion()).isEqualTo("1.1.0");
    }

    @Test
    void anApplyThatCouldNotBeUndoneAtOnceBlocksOtherAppliesAndIsUndoneAtTheNextStart() {
        Map<String, Object> before = state();
        applier.hook(current -> {
            if (current.equals("publish:" + formId + "_b") || current.equals("undo")) {
                throw new IllegalStateException("process killed");
            }
        });

        assertThatThrownBy(() -> apply(v2())).isInstanceOfSatisfying(PackageRefusedException.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.APPLY_FAILED));
        assertThat(state()).as("half applied").isNotEqualTo(before);
        applier.hook(null);
        assertThatThrownBy(() -> apply(v2())).isInstanceOfSatisfying(PackageRefusedException.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.APPLY_IN_PROGRESS));

        assertThat(recovery.recover()).isTrue();

        assertThat(state()).isEqualTo(before);
        assertThat(repository.applyInProgress()).isEmpty();
        assertThat(apply(v2()).applied()).isTrue();
        assertThat(installedVersion()).isEqualTo("1.1.0");
    }

    @Test
    void anApplyInterruptedAfterItWasRecordedIsKeptAtTheNextStart() {
        Installation installed = repository.installation(packageId).orElseThrow();
        repository.beginApply(new ApplyJournal(ApplyJournal.ID, "interrupted", packageId,
                installed.manifest().version(), "admin", installed.installedAt(), installed.revision() - 1,
                List.of(new ApplyJournal.FormBefore(formId, null, null)), List.of(), null, false));

        assertThat(recovery.recover()).isTrue();

        assertThat(repository.applyInProgress()).isEmpty();
        assertThat(forms.latestVersion(formId)).as("the completed apply is kept").isPresent();
        assertThat(recovery.recover()).isFalse();
    }

    @Test
    void aWithdrawnVersionStaysReadableAndItsNumberIsNotGivenAgain() {
        applier.hook(current -> {
            if (current.equals("service-levels")) {
                throw new IllegalStateException("boom");
            }
        });
        assertThatThrownBy(() -> apply(v2())).isInstanceOf(PackageRefusedException.class);
        applier.hook(null);

        assertThat(forms.latestVersion(formId).orElseThrow().version()).isEqualTo(1);
        assertThat(forms.version(new org.kinship.forms.FormVersionRef(formId, 2)).schema().allFields())
                .as("data filled with the withdrawn version keeps its form").containsKey("nickname");
        apply(v2());
        assertThat(forms.latestVersion(formId).orElseThrow().version()).isEqualTo(3);
        assertThat(forms.versions(formId)).extracting(FormVersion::version).containsExactly(1, 3);
    }

    /** What an apply may change, comparable with equals. */
    private Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        for (String id : List.of(formId, formId + "_b", formId + "_c")) {
            state.put("draft:" + id, forms.findDraft(id).map(FormDraft::schemaJson).orElse(null));
            state.put("latest:" + id, forms.latestVersion(id).map(v -> v.version() + " " + v.schemaJson())
                    .orElse(null));
        }
        state.put("lookup", lookups.findLookup(formId + "_sex").map(ImportPlanner::lookupTree).orElse(null));
        state.put("service-levels", repository.serviceLevels());
        state.put("workflow", workflowRepository.createProcessDefinitionQuery().processDefinitionKey(processId)
                .latestVersion().singleResult().getVersion());
        state.put("installed", installedVersion());
        return state;
    }

    private String installedVersion() {
        return repository.installation(packageId).orElseThrow().manifest().version();
    }

    private ImportPlan apply(TemplatePackages pkg) {
        return templates.apply(pkg.signedWith(PUBLISHER), Map.of(), ADMIN, Locale.ENGLISH);
    }

    private String process(String name) {
        return "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:flowable=\"http://flowable.org/bpmn\" targetNamespace=\"https://kinship.org/test\">"
                + "<process id=\"" + processId + "\" name=\"" + name + "\" isExecutable=\"true\">"
                + "<startEvent id=\"start\"/><sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"work\"/>"
                + "<userTask id=\"work\" flowable:formKey=\"" + formId + "\"/>"
                + "<sequenceFlow id=\"f2\" sourceRef=\"work\" targetRef=\"end\"/><endEvent id=\"end\"/>"
                + "</process></definitions>";
    }
}
