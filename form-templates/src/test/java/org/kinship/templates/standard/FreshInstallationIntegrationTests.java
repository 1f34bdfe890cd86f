package org.kinship.templates.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormVersionRef;
import org.kinship.forms.LookupService;
import org.kinship.forms.ValidatedData;
import org.kinship.templates.InstalledPackage;
import org.kinship.templates.TemplateService;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.test.context.TestPropertySource;

/** A fresh instance starts with the standard set installed and published, ready to register a child. */
@PlatformIntegrationTest
@TestPropertySource(properties = "kinship.templates.install-standard-set=true")
class FreshInstallationIntegrationTests {

    @Autowired
    FormDefinitionService forms;
    @Autowired
    LookupService lookups;
    @Autowired
    TemplateService templates;
    @Autowired
    Map<String, ApplicationRunner> runners;

    @Test
    void theStandardSetIsInstalledAndPublishedOnFirstStart() {
        assertThat(forms.latestVersion("registration")).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(1));
        assertThat(StandardSet.forms().keySet()).allSatisfy(formId -> assertThat(forms.latestVersion(formId)).isPresent());
        assertThat(lookups.findLookup("locations")).isPresent();
        assertThat(templates.serviceLevels()).hasSize(3);
        assertThat(templates.serviceLevel("high")).hasValueSatisfying(
                target -> assertThat(target.assessmentHours()).isEqualTo(24));
        InstalledPackage installed = templates.installed().getFirst();
        assertThat(installed.manifest().id()).isEqualTo("org.kinship.child-protection");
        assertThat(installed.adaptations()).isEmpty();
    }

    @Test
    void aChildCanBeRegisteredWithThePublishedRegistrationForm() {
        ValidatedData result = forms.validateData(new FormVersionRef("registration", 1),
                Map.of("given_name", "Amina", "sex", "female", "separation_status", "separated",
                        "current_location", "nk-goma"), null, Locale.ENGLISH);

        assertThat(result.problems()).isEmpty();
    }

    @Test
    void aRestartDuplicatesNothing() throws Exception {
        ApplicationArguments none = new DefaultApplicationArguments();
        for (ApplicationRunner runner : runners.values()) {
            runner.run(none);
        }

        assertThat(forms.versions("registration")).hasSize(1);
        assertThat(templates.installed()).hasSize(1);
        assertThat(lookups.list().stream().filter(lookup -> lookup.id().equals("sex"))).hasSize(1);
    }
}
