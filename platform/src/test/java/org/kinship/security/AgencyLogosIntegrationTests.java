package org.kinship.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformIntegrationTest
class AgencyLogosIntegrationTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @Autowired
    AgencyLogos logos;

    @Autowired
    UserAccountService accounts;

    private KinshipUser admin() {
        return KinshipUser.of(accounts.findByUsername(PlatformIntegrationTest.ADMIN).orElseThrow());
    }

    @Test
    void anAdministratorUploadsAPngLogoThatIsStoredWithItsSniffedType() {
        accounts.createAgency("LOGO", "Logo agency");

        logos.upload(admin(), "LOGO", PNG);

        AgencyLogo stored = logos.logo("LOGO").orElseThrow();
        assertThat(stored.contentType()).isEqualTo("image/png");
        assertThat(stored.bytes()).isEqualTo(PNG);
    }

    @Test
    void aLogoThatIsNotAnImageOrComesFromSomeoneWhoDoesNotManageAgenciesIsRefused() {
        accounts.createAgency("NOLOGO", "No logo agency");
        KinshipUser worker = KinshipUser.of(accounts.create("logo.worker", "Pebble-Orchard-Drum-2", "Worker",
                Set.of(DefaultRoles.CASE_WORKER), "NOLOGO"));

        assertThatThrownBy(() -> logos.upload(admin(), "NOLOGO",
                "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("PNG, JPEG or GIF");
        assertThatThrownBy(() -> logos.upload(worker, "NOLOGO", PNG)).isInstanceOf(PermissionDeniedException.class);
        assertThat(logos.logo("NOLOGO")).isEmpty();
    }
}
