package org.kinship.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditQuery;
import org.kinship.testing.ApiClient;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PlatformIntegrationTest
class OwnPasswordIntegrationTests {

    private static final String OLD = "Orchard-Kettle-Lamp-4";
    private static final String NEW = "Harbour-Violet-Stone-7";

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService accounts;

    @Autowired
    AuditLog audit;

    @Test
    void aUserChangesTheirPasswordAndSignsInWithTheNewOneOnly() {
        UserAccount account = accounts.create("own.password", OLD, "Own Password", Set.of(DefaultRoles.CASE_WORKER),
                null);
        KinshipUser user = KinshipUser.of(account);

        accounts.changeOwnPassword(user, OLD, NEW);

        ApiClient api = new ApiClient(port);
        assertThat(api.get("/api/v1/me", "own.password", NEW).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", "own.password", OLD).statusCode()).isEqualTo(401);
        assertThat(audit.search(new AuditQuery("own.password", AuditActions.CONFIG_CHANGE, "user", null, null, null),
                0, 10).entries()).anySatisfy(entry -> assertThat(entry.details()).containsEntry("change",
                        "password_changed"));
    }

    @Test
    void aWrongCurrentPasswordOrAWeakNewOneIsRefused() {
        KinshipUser user = KinshipUser.of(accounts.create("own.password2", OLD, "Own Password", Set.of(), null));

        assertThatThrownBy(() -> accounts.changeOwnPassword(user, "Not-The-Password-1", NEW))
                .hasMessageContaining("current password");
        assertThatThrownBy(() -> accounts.changeOwnPassword(user, OLD, "short"))
                .hasMessageContaining("password.tooShort");
    }
}
