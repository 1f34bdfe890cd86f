package org.kinship.templates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.kinship.forms.FormDefinitionService;
import org.kinship.templates.TemplatePackages;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformIntegrationTest
class BundledPackagesIntegrationTests {

    @Autowired
    BundledPackages bundled;
    @Autowired
    FormDefinitionService forms;

    @Test
    void aNewerBundledVersionUpgradesKeepingLocalLabelsAndTheSameVersionChangesNothing() {
        TemplatePackages v1 = TemplatePackages.aPackage("bundled.test", "bundled_reg");
        bundled.install(v1.content());
        bundled.install(v1.content());
        assertThat(forms.versions("bundled_reg")).hasSize(1);

        forms.updateDraft("bundled_reg", v1.givenNameLabel("Our label").form(), null, "admin", Locale.ENGLISH);
        forms.publish("bundled_reg", "admin", Locale.ENGLISH);
        bundled.install(TemplatePackages.aPackage("bundled.test", "bundled_reg").version("1.1.0")
                .withTextField("nickname", "Nickname").content());

        var latest = forms.latestVersion("bundled_reg").orElseThrow().schema();
        assertThat(latest.allFields()).containsKey("nickname");
        assertThat(latest.allFields().get("given_name").labelIn("en")).isEqualTo("Our label");
        assertThat(forms.versions("bundled_reg")).hasSize(3);
    }
}
