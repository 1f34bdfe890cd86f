package org.kinship.ui.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.Locale;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.audit.AuditActor;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupService;
import org.kinship.forms.LookupValue;
import org.kinship.security.DefaultRoles;
import org.kinship.templates.ImportPlan;
import org.kinship.templates.InstalledPackage;
import org.kinship.templates.PlannedChange;
import org.kinship.templates.Resolution;
import org.kinship.templates.ServiceLevelTarget;
import org.kinship.templates.TemplatePackages;
import org.kinship.templates.TemplateService;
import org.kinship.templates.TrustedKey;
import org.kinship.templates.internal.Ed25519;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.ui.testing.WithKinshipUser;
import org.kinship.workflow.ServiceLevelService;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformIntegrationTest
class TemplateLibraryViewTests extends SpringBrowserlessTest {

    private static final KeyPair PUBLISHER = Ed25519.generate();

    @Autowired
    TemplateService templates;
    @Autowired
    FormDefinitionService forms;
    @Autowired
    ServiceLevelService serviceLevels;
    @Autowired
    LookupService lookups;

    @BeforeEach
    void trustThePublisher() {
        templates.trust("UI test publisher", Ed25519.encode(PUBLISHER.getPublic()), new AuditActor(null, "admin"));
    }

    /**
     * A package carrying the installation's current service levels: they are one set per installation, shared with
     * the other ui tests (which edit them), and would otherwise add their own conflicts to the form and lookup ones.
     */
    private TemplatePackages aPackage(String packageId, String formId) {
        return TemplatePackages.aPackage(packageId, formId).serviceLevels(serviceLevels.current().targets().stream()
                .map(t -> new ServiceLevelTarget(t.riskLevel(), t.assessmentHours(), t.casePlanHours())).toList());
    }

    @Test
    @WithKinshipUser(username = "library.one", role = DefaultRoles.ADMINISTRATOR)
    void anUploadedPackageIsPreviewedThenAppliedAndListed() {
        TemplateLibraryView view = navigate("admin/templates", TemplateLibraryView.class);

        view.preview(aPackage("ui.pkg.one", "ui_one").signedWith(PUBLISHER));

        PackagePreviewDialog preview = view.previewDialog();
        assertThat(preview).isNotNull();
        assertThat(forms.findDraft("ui_one")).as("a preview stores nothing").isEmpty();
        $(Button.class).id("templates-apply").click();

        assertThat(preview.result()).as("applied, else the dialog's error: %s", preview.errorText()).isNotNull();
        assertThat(preview.result().changes()).extracting(PlannedChange::kind).contains(PlannedChange.Kind.ADDED);
        assertThat(forms.latestVersion("ui_one")).isPresent();
        assertThat(view.grid().getGenericDataView().getItems().map(p -> p.manifest().id())).contains("ui.pkg.one");
    }

    @Test
    @WithKinshipUser(username = "library.two", role = DefaultRoles.ADMINISTRATOR)
    void aConflictIsChosenInThePreviewBeforeApplying() {
        TemplatePackages pkg = aPackage("ui.pkg.two", "ui_two");
        templates.apply(pkg.signedWith(PUBLISHER), Map.of(), new AuditActor(null, "admin"), Locale.ENGLISH);
        forms.updateDraft("ui_two", pkg.givenNameLabel("Local label").form(), null, "admin", Locale.ENGLISH);
        TemplateLibraryView view = navigate("admin/templates", TemplateLibraryView.class);

        view.preview(pkg.version("2.0.0").givenNameLabel("Upstream label").signedWith(PUBLISHER));
        PackagePreviewDialog preview = view.previewDialog();
        assertThat(preview.choices()).hasSize(4);
        preview.apply();
        assertThat(preview.errorText()).contains("4");
        assertThat(preview.result()).isNull();

        preview.choices().values().forEach(choice -> choice.setValue(Resolution.LOCAL));
        preview.apply();

        ImportPlan result = preview.result();
        assertThat(result).isNotNull();
        assertThat(forms.draft("ui_two").schema().allFields().get("given_name").labelIn("en"))
                .isEqualTo("Local label");
        InstalledPackage installed = templates.installed().stream()
                .filter(p -> p.manifest().id().equals("ui.pkg.two")).findFirst().orElseThrow();
        assertThat(installed.manifest().version()).isEqualTo("2.0.0");
        assertThat(installed.adaptations()).isNotEmpty();
    }

    @Test
    @WithKinshipUser(username = "library.three", role = DefaultRoles.ADMINISTRATOR)
    void aPackageFromAnUnknownPublisherIsRefusedWithTheReason() {
        TemplateLibraryView view = navigate("admin/templates", TemplateLibraryView.class);

        view.preview(TemplatePackages.aPackage("ui.pkg.three", "ui_three").signedWith(Ed25519.generate()));

        assertThat(view.previewDialog()).isNull();
        assertThat(view.errorText()).contains("does not trust");
    }

    @Test
    @WithKinshipUser(username = "library.four", role = DefaultRoles.ADMINISTRATOR)
    void anAdministratorTrustsAPublisherKeyAndThenItsPackagesArePreviewed() {
        TemplateLibraryView view = navigate("admin/templates", TemplateLibraryView.class);
        KeyPair other = Ed25519.generate();
        $(Button.class).id("templates-keys-open").click();
        TrustedKeysDialog dialog = $(TrustedKeysDialog.class).single();

        dialog.publicKeyField().setValue("not a key");
        $(Button.class).id("templates-key-add").click();
        assertThat(dialog.publicKeyField().isInvalid()).isTrue();

        dialog.nameField().setValue("Other coordination body");
        dialog.publicKeyField().setValue(Ed25519.encode(other.getPublic()));
        $(Button.class).id("templates-key-add").click();

        assertThat(dialog.grid().getGenericDataView().getItems().map(TrustedKey::name))
                .contains("Other coordination body");
        view.preview(TemplatePackages.aPackage("ui.pkg.four", "ui_four").signedWith(other));
        assertThat(view.previewDialog()).isNotNull();
    }

    @Test
    @WithKinshipUser(username = "library.five", role = DefaultRoles.ADMINISTRATOR)
    void thePreviewShowsLookupValuesAddedRelabelledPerLanguageAndRemovedAndTheLibraryTheLocalLookupChanges() {
        TemplatePackages pkg = aPackage("ui.pkg.five", "ui_five").lookupValue("other", "Other");
        templates.apply(pkg.signedWith(PUBLISHER), Map.of(), new AuditActor(null, "admin"), Locale.ENGLISH);
        Lookup stored = lookups.get("ui_five_sex");
        lookups.update(stored.withValues(stored.values().stream().map(value -> value.value().equals("female")
                ? LookupValue.of("female", Map.of("en", "Girl", "fr", "Female (fr)", "es", "Female (es)",
                        "ar", "Female (ar)"))
                : value).toList()), Locale.ENGLISH);
        TemplateLibraryView view = navigate("admin/templates", TemplateLibraryView.class);
        InstalledPackage installed = view.grid().getGenericDataView().getItems()
                .filter(p -> p.manifest().id().equals("ui.pkg.five")).findFirst().orElseThrow();
        assertThat(view.adaptations(installed)).contains("lookup:ui_five_sex (1)");

        view.preview(pkg.version("2.0.0").withoutLookupValue("other").lookupValue("male", "Boy")
                .lookupValue("unknown", "Unknown").signedWith(PUBLISHER));

        String details = view.previewDialog().details("lookup:ui_five_sex");
        assertThat(details).contains("unknown").contains("other")
                .contains("male [fr: Male (fr) → Boy (fr)]").contains("male [en: Male → Boy]")
                .doesNotContain("female [");
    }
}
