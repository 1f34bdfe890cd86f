package org.kinship.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.audit.AuditActor;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormSchema;
import org.kinship.templates.PackageRefusedException.Reason;
import org.kinship.templates.internal.Ed25519;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformIntegrationTest
class TemplateImportIntegrationTests {

    private static final AuditActor ADMIN = new AuditActor(null, "admin");
    private static final KeyPair PUBLISHER = Ed25519.generate();

    @Autowired
    TemplateService templates;
    @Autowired
    FormDefinitionService forms;
    @Autowired
    org.flowable.engine.RepositoryService workflowRepository;

    private String packageId;
    private String formId;

    @BeforeEach
    void trustThePublisher() {
        templates.trust("Test coordination body", Ed25519.encode(PUBLISHER.getPublic()), ADMIN);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        packageId = "test.package." + suffix;
        formId = "reg_" + suffix;
    }

    @Test
    void anUpgradeAddsTheNewUpstreamFieldAndKeepsTheLocalLabel() {
        apply(v1().signedWith(PUBLISHER), Map.of());
        changeGivenNameLabelLocally("First name (our SOP)");

        ImportPlan plan = apply(v1().version("1.1.0").withTextField("nickname", "Nickname").signedWith(PUBLISHER),
                Map.of());

        assertThat(plan.conflicts()).isEmpty();
        FormSchema latest = forms.latestVersion(formId).orElseThrow().schema();
        assertThat(latest.allFields()).containsKey("nickname");
        assertThat(latest.allFields().get("given_name").labelIn("en")).isEqualTo("First name (our SOP)");
        assertThat(forms.versions(formId)).hasSize(3);
        InstalledPackage installed = installed();
        assertThat(installed.manifest().version()).isEqualTo("1.1.0");
        assertThat(installed.adaptations()).singleElement()
                .satisfies(adaptation -> assertThat(adaptation.diff().changed()).singleElement()
                        .satisfies(change -> assertThat(change.attributes()).contains("label")));
    }

    @Test
    void bothSidesChangingTheSameLabelIsAConflictToResolveNeverSilentlyLost() {
        apply(v1().signedWith(PUBLISHER), Map.of());
        changeGivenNameLabelLocally("First name (our SOP)");
        String v2 = v1().version("1.1.0").givenNameLabel("Child's given name").signedWith(PUBLISHER);

        ImportPlan preview = templates.preview(v2, Locale.ENGLISH);
        assertThat(preview.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.path()).isEqualTo("/properties/given_name/x-kinship/label/en");
            assertThat(conflict.local()).isEqualTo("First name (our SOP)");
            assertThat(conflict.upstream()).isEqualTo("Child's given name");
        });
        assertThatThrownBy(() -> apply(v2, Map.of())).isInstanceOf(UnresolvedConflictsException.class);
        assertThat(givenNameLabel()).isEqualTo("First name (our SOP)");

        apply(v2, Map.of(preview.conflicts().getFirst().key(), Resolution.UPSTREAM));
        assertThat(givenNameLabel()).isEqualTo("Child's given name");
    }

    @Test
    void aTamperedPackageIsRefusedAndNothingChanges() {
        String file = v1().signedWith(PUBLISHER);
        String tampered = file.replaceFirst("Given name", "Givem name");
        assertThat(tampered.getBytes(StandardCharsets.UTF_8)).hasSameSizeAs(file.getBytes(StandardCharsets.UTF_8));

        assertRefused(tampered, Reason.BAD_SIGNATURE);
    }

    @Test
    void aPackageFromAnUntrustedPublisherIsRefused() {
        assertRefused(v1().signedWith(Ed25519.generate()), Reason.UNTRUSTED_PUBLISHER);
    }

    @Test
    void aPackageForANewerKinshipVersionIsRefused() {
        assertRefused(v1().forKinship("99.0.0").signedWith(PUBLISHER), Reason.NEWER_KINSHIP_VERSION);
    }

    @Test
    void somethingThatIsNotAPackageIsRefused() {
        assertRefused("{\"hello\": \"world\"}", Reason.NOT_A_PACKAGE);
        assertRefused("not json at all", Reason.NOT_A_PACKAGE);
    }

    @Test
    void aPackageWithAnInvalidFormIsRefused() {
        assertRefused(v1().withFieldOfKind("broken", "no_such_kind").signedWith(PUBLISHER), Reason.INVALID_FORM);
    }

    @Test
    void aPackageWithAWorkflowThatIsNotBpmnIsRefused() {
        assertRefused(v1().withWorkflow("case.bpmn20.xml", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<definitions>&e;</definitions>").signedWith(PUBLISHER), Reason.INVALID_WORKFLOW);
        assertRefused(v1().withWorkflow("../escape.bpmn20.xml", "<definitions/>").signedWith(PUBLISHER),
                Reason.INVALID_WORKFLOW);
    }

    @Test
    void aPackageWithAValidWorkflowKeepsItWithTheInstalledVersionAndDeploysIt() {
        String processId = "pkg" + formId.replaceAll("[^A-Za-z0-9]", "");
        ImportPlan plan = apply(v1().withWorkflow("case.bpmn20.xml", minimalProcess(processId, formId))
                .signedWith(PUBLISHER), Map.of());

        assertThat(plan.applied()).isTrue();
        assertThat(installed().manifest().version()).isEqualTo("1.0.0");
        assertThat(workflowRepository.createProcessDefinitionQuery().processDefinitionKey(processId).count())
                .as("the package's workflow is deployed").isOne();
    }

    @Test
    void aPackageWithAWorkflowNamingAnUnknownSectionIsRefusedAndNothingStored() {
        assertRefused(v1().withWorkflow("case.bpmn20.xml", minimalProcess("pkgUnknownSection", "no_such_section"))
                .signedWith(PUBLISHER), Reason.INVALID_WORKFLOW);
        assertThat(forms.findDraft(formId)).isEmpty();
        assertThat(workflowRepository.createProcessDefinitionQuery().processDefinitionKey("pkgUnknownSection")
                .count()).isZero();
    }

    /** A process with one user task asking for {@code section}. */
    private static String minimalProcess(String processId, String section) {
        return "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:flowable=\"http://flowable.org/bpmn\" targetNamespace=\"https://kinship.org/test\">"
                + "<process id=\"" + processId + "\" isExecutable=\"true\"><startEvent id=\"start\"/>"
                + "<sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"work\"/>"
                + "<userTask id=\"work\" flowable:formKey=\"" + section + "\"/>"
                + "<sequenceFlow id=\"f2\" sourceRef=\"work\" targetRef=\"end\"/><endEvent id=\"end\"/>"
                + "</process></definitions>";
    }

    @Test
    void aPreviewStoresNothing() {
        ImportPlan preview = templates.preview(v1().signedWith(PUBLISHER), Locale.ENGLISH);

        assertThat(preview.applied()).isFalse();
        assertThat(preview.changes()).extracting(PlannedChange::item)
                .contains("form:" + formId, "lookup:" + formId + "_sex");
        assertThat(forms.findDraft(formId)).isEmpty();
        assertThat(templates.installed()).noneMatch(p -> p.manifest().id().equals(packageId));
    }

    @Test
    void anExportIsSignedByThisInstanceAndImportsBackUnchanged() {
        apply(v1().signedWith(PUBLISHER), Map.of());

        String exported = templates.export(new ExportRequest("local." + formId, "2.0.0", Map.of("en", "Ours"),
                List.of(formId), List.of()), ADMIN);

        ImportPlan preview = templates.preview(exported, Locale.ENGLISH);
        assertThat(preview.conflicts()).isEmpty();
        assertThat(preview.effective()).isEmpty();
        assertThatThrownBy(() -> templates.preview(exported.replaceFirst("Given name", "Given nam3"), Locale.ENGLISH))
                .isInstanceOf(PackageRefusedException.class);
    }

    private TemplatePackages v1() {
        return TemplatePackages.aPackage(packageId, formId);
    }

    private ImportPlan apply(String file, Map<String, Resolution> resolutions) {
        return templates.apply(file, resolutions, ADMIN, Locale.ENGLISH);
    }

    private void assertRefused(String file, Reason reason) {
        assertThatThrownBy(() -> apply(file, Map.of())).isInstanceOfSatisfying(PackageRefusedException.class,
                refused -> assertThat(refused.reason()).isEqualTo(reason));
        assertThat(forms.findDraft(formId)).isEmpty();
        assertThat(templates.installed()).noneMatch(p -> p.manifest().id().equals(packageId));
    }

    private void changeGivenNameLabelLocally(String english) {
        String draft = forms.draft(formId).schemaJson();
        String changed = draft.replaceFirst("\"en\" ?: ?\"Given name\"", "\"en\": \"" + english + "\"");
        assertThat(changed).isNotEqualTo(draft);
        forms.updateDraft(formId, changed, null, "admin", Locale.ENGLISH);
        forms.publish(formId, "admin", Locale.ENGLISH);
    }

    private String givenNameLabel() {
        return forms.draft(formId).schema().allFields().get("given_name").labelIn("en");
    }

    private InstalledPackage installed() {
        return templates.installed().stream().filter(p -> p.manifest().id().equals(packageId)).findFirst()
                .orElseThrow();
    }
}
