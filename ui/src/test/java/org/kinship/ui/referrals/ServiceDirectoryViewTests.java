package org.kinship.ui.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.referrals.ReferralRefusedException;
import org.kinship.referrals.ServiceDirectory;
import org.kinship.referrals.ServiceProvider;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.ui.testing.WithKinshipUser;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformIntegrationTest
class ServiceDirectoryViewTests extends SpringBrowserlessTest {

    @Autowired
    ServiceDirectory directory;
    @Autowired
    UserAccountService accounts;

    @BeforeEach
    void serviceTypes() {
        KinshipUser admin = KinshipUser.of(accounts.findByUsername(PlatformIntegrationTest.ADMIN).orElseThrow());
        for (String code : new String[] {"health", "legal"}) {
            try {
                directory.addServiceType(admin, code, Map.of("en", code), Locale.ENGLISH);
            } catch (ReferralRefusedException e) {
                // added by an earlier test
            }
        }
    }

    @Test
    @WithKinshipUser(username = "directory.admin", role = DefaultRoles.ADMINISTRATOR, agency = "UIDIR")
    void anAdministratorImportsASheetAndSeesTheProviders() {
        ServiceDirectoryView view = navigate("admin/service-directory", ServiceDirectoryView.class);
        String csv = "name,agency,services,locations,response_hours\r\n"
                + "Clinic UI-1,UIDIR,health,CD-NK,24\r\nLegal aid UI-1,UIDIR,legal;health,CD,72\r\n";

        assertThat(view.importSheet(csv.getBytes(StandardCharsets.UTF_8), "csv")).isTrue();

        view.search("UI-1");
        assertThat(view.shown()).extracting(ServiceProvider::name).containsExactlyInAnyOrder("Clinic UI-1",
                "Legal aid UI-1");
    }

    @Test
    @WithKinshipUser(username = "directory.admin2", role = DefaultRoles.ADMINISTRATOR, agency = "UIDIR")
    void aMalformedSheetNamesRowAndColumnAndImportsNothing() {
        ServiceDirectoryView view = navigate("admin/service-directory", ServiceDirectoryView.class);
        String csv = "name,agency,services,locations,response_hours\r\n"
                + "Clinic UI-2,UIDIR,health,CD,24\r\nBroken UI-2,UIDIR,health,CD,tomorrow\r\n";

        assertThat(view.importSheet(csv.getBytes(StandardCharsets.UTF_8), "csv")).isFalse();

        assertThat(view.problemsText()).contains("Row 3, column E (response_hours)");
        view.search("UI-2");
        assertThat(view.shown()).isEmpty();
    }

    @Test
    @WithKinshipUser(username = "directory.admin3", role = DefaultRoles.ADMINISTRATOR, agency = "UIDIR")
    void aProviderIsAddedAndChangedInTheDialogAndMistakesAreNamed() {
        ServiceDirectoryView view = navigate("admin/service-directory", ServiceDirectoryView.class);
        ProviderDialog dialog = view.edit(null);
        dialog.name.setValue("Health post UI-3");
        dialog.agency.setValue("UIDIR");
        dialog.services.setValue(Set.of("health"));
        dialog.locations.setValue("CD-NK, CD-SK");
        dialog.responseHours.setValue(0);
        assertThat(dialog.save()).isFalse();
        assertThat(dialog.errorText()).contains("response_hours");

        dialog.responseHours.setValue(36);
        assertThat(dialog.save()).as(dialog.errorText()).isTrue();
        view.search("UI-3");
        ServiceProvider saved = view.shown().getFirst();
        assertThat(saved.locations()).containsExactly("CD-NK", "CD-SK");

        ProviderDialog again = view.edit(saved);
        again.maxAge.setValue(17);
        assertThat(again.save()).as(again.errorText()).isTrue();
        assertThat(directory.provider(saved.id()).orElseThrow().maxAge()).isEqualTo(17);
    }
}
