package org.kinship.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinship.referrals.ReferralWorld.read;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.cases.CaseFiles;
import org.kinship.consent.ConsentPurpose;
import org.kinship.consent.ConsentService;
import org.kinship.notifications.EmailOutbox;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.FakeSmtpServer;
import org.kinship.testing.MutableClock;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * E-mail notifications with SMTP configured (a fake server in the test): a referral to an agency reaches its French
 * user by e-mail in French, with a link and no child data; a user without an address gets none; while the SMTP
 * server is down the referral still succeeds and the message waits, then goes out on a later attempt.
 */
@PlatformIntegrationTest
class ReferralEmailIntegrationTests {

    private static final FakeSmtpServer SMTP = new FakeSmtpServer();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("kinship.mail.host", () -> "127.0.0.1");
        registry.add("kinship.mail.port", SMTP::port);
        registry.add("kinship.mail.starttls", () -> "false");
        registry.add("kinship.mail.from", () -> "kinship@example.org");
        registry.add("kinship.mail.app-url", () -> "https://kinship.example.org");
        registry.add("kinship.mail.interval", () -> "0s");
        registry.add("kinship.mail.max-attempts", () -> "2");
    }

    @AfterAll
    static void stopServer() throws IOException {
        SMTP.close();
    }

    @Autowired
    org.springframework.context.ApplicationContext context;
    @LocalServerPort
    int port;
    @Autowired
    UserAccountService accounts;
    @Autowired
    ConsentService consent;
    @Autowired
    EmailOutbox outbox;
    @Autowired
    MutableClock clock;

    ReferralWorld world;
    KinshipUser workerA;
    String agencyB;
    String providerB;
    String frenchUser;

    @BeforeEach
    void setUp() {
        world = new ReferralWorld(port, accounts, consent, context);
        workerA = world.users.worker(ReferralWorld.agency("MA"));
        agencyB = ReferralWorld.agency("MB");
        world.users.worker(agencyB); // a colleague without an e-mail address
        world.serviceType("psychosocial");
        providerB = world.provider("Centre " + agencyB, agencyB, List.of("psychosocial"), List.of("CD-NK"), Map.of());
        frenchUser = "francoise." + agencyB.toLowerCase(java.util.Locale.ROOT);
        HttpResponse<String> created = world.asAdmin("POST", "/api/v1/admin/users", ReferralWorld.json(Map.of(
                "username", frenchUser, "password", ReferralWorld.PASSWORD, "displayName", "Françoise",
                "roles", List.of("case_worker"), "agencyCode", agencyB, "preferredLocale", "fr",
                "email", frenchUser + "@example.org")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(read(created).path("email").asString()).isEqualTo(frenchUser + "@example.org");
        outbox.sendDue();
        SMTP.received().clear();
        SMTP.failing(false);
    }

    @Test
    void aReferralToAnAgencyReachesItsFrenchUserByEmailInFrenchWithoutChildData() throws Exception {
        String caseId = referredCase();

        assertThat(outbox.sendDue()).isEqualTo(1);

        assertThat(SMTP.received()).hasSize(1);
        MimeMessage mail = SMTP.received().getFirst();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(frenchUser + "@example.org");
        String body = String.valueOf(mail.getContent());
        assertThat(mail.getSubject()).isEqualTo("Kinship : quelque chose vous attend");
        assertThat(body).contains("Une référence attend votre réponse.", "https://kinship.example.org");
        String caseNumber = read(world.get(workerA, "/api/v1/cases/" + caseId)).path("caseNumber").asString();
        assertThat(mail.getSubject() + body).doesNotContain("Amani", "Bahati", caseId, caseNumber);
        assertThat(outbox.pending()).isZero();
    }

    @Test
    void aMessageTheSmtpServerRefusesWaitsAndIsSentOnALaterAttemptWithoutHoldingUpTheReferral() {
        SMTP.failing(true);
        referredCase();

        assertThat(outbox.sendDue()).isZero();
        assertThat(outbox.pending()).isEqualTo(1);
        SMTP.failing(false);
        assertThat(outbox.sendDue()).as("not due again before the retry delay").isZero();

        clock.advance(Duration.ofMinutes(2));
        assertThat(outbox.sendDue()).isEqualTo(1);
        assertThat(SMTP.received()).hasSize(1);
        assertThat(outbox.pending()).isZero();
    }

    @Test
    void aMessageGivenUpIsKeptForTheRetentionAndThenDeleted() {
        long failedBefore = outbox.failed();
        SMTP.failing(true);
        referredCase();

        assertThat(outbox.sendDue()).isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(outbox.sendDue()).as("second and last attempt").isZero();
        assertThat(outbox.pending()).isZero();
        assertThat(outbox.failed()).isEqualTo(failedBefore + 1);

        SMTP.failing(false);
        clock.advance(Duration.ofDays(29));
        outbox.sendDue();
        assertThat(outbox.failed()).as("kept for 30 days").isEqualTo(failedBefore + 1);
        assertThat(SMTP.received()).as("never retried once given up").isEmpty();

        clock.advance(Duration.ofDays(2));
        outbox.sendDue();
        assertThat(outbox.failed()).isZero();
    }

    @Test
    void anEmailAddressThatIsNotOneIsRefusedWithTheFieldNamed() {
        HttpResponse<String> refused = world.asAdmin("POST", "/api/v1/admin/users", ReferralWorld.json(Map.of(
                "username", "nobody." + agencyB.toLowerCase(java.util.Locale.ROOT), "password",
                ReferralWorld.PASSWORD, "displayName", "Nobody", "roles", List.of("case_worker"), "agencyCode",
                agencyB, "email", "not an address")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(read(refused).path("detail").asString()).contains("email");
        assertThat(accounts.findByUsername("nobody." + agencyB.toLowerCase(java.util.Locale.ROOT))).isEmpty();
    }

    /** Worker A refers a named child to agency B (no named user): the refusal-free path of every test. */
    private String referredCase() {
        String caseId = world.registerCase(workerA, CaseFiles.aRegisteredCase().named("Amani", "Bahati")
                .livingIn("CD-NK-GOMA"));
        world.consentTo(workerA, caseId, ConsentPurpose.SERVICES, ConsentPurpose.SHARING);
        HttpResponse<String> referred = world.post(workerA, "/api/v1/cases/" + caseId + "/referrals",
                Map.of("serviceType", "psychosocial", "providerId", providerB));
        assertThat(referred.statusCode()).as(referred.body()).isEqualTo(201);
        JsonNode referral = read(referred);
        assertThat(referral.path("toAgencyCode").asString()).isEqualTo(agencyB);
        return caseId;
    }
}
