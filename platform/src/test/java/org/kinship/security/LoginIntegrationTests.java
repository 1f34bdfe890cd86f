package org.kinship.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.testing.ApiClient;
import org.kinship.testing.MutableClock;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.event.EventListener;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

@PlatformIntegrationTest
@Import(LoginIntegrationTests.Events.class)
class LoginIntegrationTests {

    private static final String PASSWORD = "Correct-Horse-Battery-9";

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    Events events;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    private String newWorker(String name) {
        if (accounts.findAgency("TEST").isEmpty()) {
            accounts.createAgency("TEST", "Test agency");
        }
        accounts.create(name, PASSWORD, "Worker " + name, Set.of(DefaultRoles.CASE_WORKER), "TEST");
        return name;
    }

    @Test
    void meAnswersNameRolesAndAgencyWithTheRightPassword() {
        String user = newWorker("me.worker");

        HttpResponse<String> response = api.get("/api/v1/me", user, PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"username\":\"me.worker\"", "\"roles\":[\"case_worker\"]",
                "\"code\":\"TEST\"", "\"name\":\"Test agency\"");
        assertThat(response.body()).doesNotContain("password", "Hash");
        assertThat(events.succeeded).extracting(LoginSucceeded::username).contains(user);
    }

    @Test
    void wrongPasswordAnswers401WithAProblem() {
        String user = newWorker("wrong.worker");

        HttpResponse<String> response = api.get("/api/v1/me", user, "not-the-password");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(response.body()).contains("not correct");
        assertThat(events.failed).extracting(LoginFailed::username).contains(user);
    }

    @Test
    void noCredentialsAnswer401() {
        assertThat(api.getAnonymous("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightPasswordUntilTheLockExpires() {
        String user = newWorker("locked.worker");
        for (int i = 0; i < 4; i++) {
            assertThat(api.get("/api/v1/me", user, "wrong-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(api.get("/api/v1/me", user, "wrong-5").statusCode()).isEqualTo(423);

        HttpResponse<String> locked = api.get("/api/v1/me", user, PASSWORD);

        assertThat(locked.statusCode()).isEqualTo(423);
        assertThat(locked.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(locked.body()).contains("locked after repeated failed sign-ins", "\"status\":423",
                "\"type\":\"about:blank\"", "\"instance\":\"/api/v1/me\"");
        assertThat(events.locked).extracting(AccountLocked::username).contains(user);

        clock.advance(Duration.ofMinutes(16));
        assertThat(api.get("/api/v1/me", user, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void lockMessageFollowsTheCallersLanguage() {
        String user = newWorker("locked.french");
        for (int i = 0; i < 5; i++) {
            api.get("/api/v1/me", user, "wrong-" + i);
        }

        HttpResponse<String> response = api.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(api.url("/api/v1/me")))
                .header("Authorization", ApiClient.basic(user, PASSWORD))
                .header("Accept-Language", "fr").GET().build());

        assertThat(response.statusCode()).isEqualTo(423);
        assertThat(response.body()).contains("Ce compte est verrouill");
    }

    @Test
    void aSuccessResetsTheFailureCount() {
        String user = newWorker("reset.worker");
        for (int i = 0; i < 4; i++) {
            api.get("/api/v1/me", user, "wrong-" + i);
        }
        assertThat(api.get("/api/v1/me", user, PASSWORD).statusCode()).isEqualTo(200);

        assertThat(api.get("/api/v1/me", user, "wrong-again").statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", user, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String user = newWorker("hash.worker");

        assertThat(accounts.findByUsername(user)).hasValueSatisfying(account ->
                assertThat(account.passwordHash()).startsWith("{bcrypt}$2").doesNotContain(PASSWORD));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Events {
        final List<LoginSucceeded> succeeded = new CopyOnWriteArrayList<>();
        final List<LoginFailed> failed = new CopyOnWriteArrayList<>();
        final List<AccountLocked> locked = new CopyOnWriteArrayList<>();

        @EventListener
        void on(LoginSucceeded event) {
            succeeded.add(event);
        }

        @EventListener
        void on(LoginFailed event) {
            failed.add(event);
        }

        @EventListener
        void on(AccountLocked event) {
            locked.add(event);
        }
    }
}
