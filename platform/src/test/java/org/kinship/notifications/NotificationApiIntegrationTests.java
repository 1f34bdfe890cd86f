package org.kinship.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kinship.cases.CaseTestUsers;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.ApiClient;
import org.kinship.testing.MutableClock;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** In-app notifications: idempotent per dedupe key, newest first, read state, each user sees only their own. */
@PlatformIntegrationTest
class NotificationApiIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService accounts;

    @Autowired
    NotificationService notifications;

    @Autowired
    MutableClock clock;

    @Test
    void aUserReadsTheirNotificationsNewestFirstAndMarksThemRead() {
        ApiClient api = new ApiClient(port);
        CaseTestUsers users = new CaseTestUsers(accounts);
        KinshipUser supervisor = users.supervisor("NTF");
        KinshipUser other = users.supervisor("NTF");

        Notification first = notifications.notify("task.overdue", supervisor.username(), "case-1",
                "notifications.task.overdue", List.of("NTF-2026-00001", "initial_assessment"), "task.overdue:t1");
        Notification again = notifications.notify("task.overdue", supervisor.username(), "case-1",
                "notifications.task.overdue", List.of("NTF-2026-00001", "initial_assessment"), "task.overdue:t1");
        assertThat(again.id()).as("the same event notifies once").isEqualTo(first.id());
        clock.advance(Duration.ofMinutes(5));
        notifications.notify("referral.received", supervisor.username(), "case-2", "notifications.task.overdue",
                List.of("NTF-2026-00002", "case_plan"), "referral:r1");

        JsonNode listed = read(api.get("/api/v1/notifications", supervisor.username(), CaseTestUsers.PASSWORD));
        assertThat(listed.path("unread").asLong()).isEqualTo(2);
        assertThat(listed.path("items")).hasSize(2);
        assertThat(listed.path("items").get(0).path("recordId").asString()).as("newest first").isEqualTo("case-2");
        assertThat(listed.path("items").get(1).path("message").asString())
                .isEqualTo("Case NTF-2026-00001: the initial_assessment step is overdue");
        JsonNode french = read(api.get("/api/v1/notifications", supervisor.username(), CaseTestUsers.PASSWORD,
                "Accept-Language", "fr"));
        assertThat(french.path("items").get(1).path("message").asString()).startsWith("Cas NTF-2026-00001");

        assertThat(api.post("/api/v1/notifications/" + first.id() + "/read", null, other.username(),
                CaseTestUsers.PASSWORD).statusCode()).as("not theirs").isEqualTo(404);
        HttpResponse<String> marked = api.post("/api/v1/notifications/" + first.id() + "/read", null,
                supervisor.username(), CaseTestUsers.PASSWORD);
        assertThat(marked.statusCode()).isEqualTo(200);
        assertThat(read(marked).path("read").asBoolean()).isTrue();
        assertThat(notifications.unreadCount(supervisor.username())).isOne();
        assertThat(notifications.markAllRead(supervisor.username())).isOne();
        assertThat(notifications.unreadCount(supervisor.username())).isZero();
        assertThat(read(api.get("/api/v1/notifications", other.username(), CaseTestUsers.PASSWORD)).path("items"))
                .isEmpty();
    }

    private static JsonNode read(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
