package org.kinship.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.security.internal.Base32;
import org.kinship.testing.ApiClient;
import org.kinship.testing.MutableClock;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@PlatformIntegrationTest
@TestPropertySource(properties = "kinship.security.totp-required-roles=supervisor")
class TotpIntegrationTests {

    private static final String PASSWORD = "Correct-Horse-Battery-9";

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    TotpService totp;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    private HttpResponse<String> me(String username, String code) {
        return api.send(api.withJson("/api/v1/me", username, PASSWORD).header("X-Kinship-OTP", code).GET().build());
    }

    private String currentCode(byte[] secret) {
        return Totp.code(secret, Totp.step(clock.instant()), 6);
    }

    private byte[] enrol(String username) {
        HttpResponse<String> started = api.post("/api/v1/me/totp", "", username, PASSWORD);
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(started.body()).contains("otpauth://totp/Kinship%3A" + username);
        String secret = started.body().replaceAll(".*\"secret\":\"([A-Z2-7]+)\".*", "$1");
        byte[] bytes = Base32.decode(secret);
        HttpResponse<String> confirmed = api.post("/api/v1/me/totp/confirm",
                "{\"code\":\"" + currentCode(bytes) + "\"}", username, PASSWORD);
        assertThat(confirmed.statusCode()).isEqualTo(204);
        clock.advance(Duration.ofSeconds(30));
        return bytes;
    }

    @Test
    void afterEnrolmentTheApiNeedsAFreshOneTimeCodeThatWorksOnlyOnce() {
        accounts.create("totp.worker", PASSWORD, "Worker", Set.of(DefaultRoles.CASE_WORKER), null);
        byte[] secret = enrol("totp.worker");

        HttpResponse<String> without = api.get("/api/v1/me", "totp.worker", PASSWORD);
        String code = currentCode(secret);
        HttpResponse<String> with = me("totp.worker", code);
        HttpResponse<String> replayed = me("totp.worker", code);

        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.body()).contains("one-time code");
        assertThat(with.statusCode()).isEqualTo(200);
        assertThat(replayed.statusCode()).isEqualTo(401);
        clock.advance(Duration.ofSeconds(30));
        assertThat(me("totp.worker", currentCode(secret)).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongCodesCountTowardsTheLockLikeWrongPasswords() {
        accounts.create("totp.guesser", PASSWORD, "Worker", Set.of(DefaultRoles.CASE_WORKER), null);
        enrol("totp.guesser");

        for (int i = 0; i < 4; i++) {
            assertThat(me("totp.guesser", "00000" + i).statusCode()).isEqualTo(401);
        }

        assertThat(me("totp.guesser", "000009").statusCode()).isEqualTo(423);
    }

    @Test
    void aRoleThatRequiresTheSecondFactorReachesNothingButEnrolmentUntilItIsSetUp() {
        accounts.create("totp.supervisor", PASSWORD, "Supervisor", Set.of(DefaultRoles.SUPERVISOR), null);

        HttpResponse<String> before = api.get("/api/v1/admin/users", "totp.supervisor", PASSWORD);
        assertThat(before.statusCode()).isEqualTo(403);
        assertThat(before.body()).contains("second factor");
        assertThat(api.get("/api/v1/me", "totp.supervisor", PASSWORD).body()).contains("\"roles\":[]",
                "\"permissions\":[]", "\"secondFactorRequired\":true");

        byte[] secret = enrol("totp.supervisor");

        HttpResponse<String> after = me("totp.supervisor", currentCode(secret));
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("\"roles\":[\"supervisor\"]", "\"secondFactor\":true",
                "\"secondFactorRequired\":false", "case:view:agency");
    }

    @Test
    void anAdministratorResetsALostSecondFactor() {
        UserAccount worker = accounts.create("totp.lost", PASSWORD, "Worker", Set.of(DefaultRoles.CASE_WORKER), null);
        enrol("totp.lost");
        assertThat(api.get("/api/v1/me", "totp.lost", PASSWORD).statusCode()).isEqualTo(401);

        assertThat(api.delete("/api/v1/admin/users/" + worker.id() + "/totp", PlatformIntegrationTest.ADMIN, PlatformIntegrationTest.ADMIN_PASSWORD)
                .statusCode()).isEqualTo(204);

        assertThat(api.get("/api/v1/me", "totp.lost", PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aUserRemovesTheirOwnSecondFactorWithACurrentCodeUnlessTheirRoleRequiresIt() {
        UserAccount worker = accounts.create("totp.remover", PASSWORD, "Worker", Set.of(DefaultRoles.CASE_WORKER),
                null);
        byte[] secret = enrol("totp.remover");

        assertThat(totp.remove(KinshipUser.of(worker), "000000")).isFalse();
        assertThat(totp.remove(KinshipUser.of(worker), currentCode(secret))).isTrue();
        assertThat(api.get("/api/v1/me", "totp.remover", PASSWORD).statusCode()).isEqualTo(200);

        UserAccount supervisor = accounts.create("totp.keeper", PASSWORD, "Supervisor",
                Set.of(DefaultRoles.SUPERVISOR), null);
        byte[] kept = enrol("totp.keeper");
        assertThatThrownBy(() -> totp.remove(KinshipUser.of(supervisor), currentCode(kept)))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("totp_required");
        assertThat(totp.isEnrolled(supervisor.id())).isTrue();
    }
}
