package org.kinship.workflows.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kinship.cases.CaseFiles;
import org.kinship.cases.CaseTestUsers;
import org.kinship.security.KinshipUser;
import org.kinship.testing.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST calls of the engine tests: cases, inbox, task work, notifications and workflow deployment. */
final class InboxApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiClient api;

    InboxApi(int port) {
        this.api = new ApiClient(port);
    }

    ApiClient client() {
        return api;
    }

    static JsonNode read(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    String register(KinshipUser worker, String risk) {
        HttpResponse<String> response = api.post("/api/v1/cases", CaseFiles.aRegisteredCase().atRisk(risk).json(),
                worker.username(), CaseTestUsers.PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response).path("id").asString();
    }

    void fillSection(KinshipUser user, String caseId, String section, Map<String, Object> data) {
        JsonNode file = read(api.get("/api/v1/cases/" + caseId, user.username(), CaseTestUsers.PASSWORD));
        HttpResponse<String> response = api.patch("/api/v1/cases/" + caseId,
                JSON.writeValueAsString(Map.of("section", section, "data", data)), user.username(),
                CaseTestUsers.PASSWORD, "If-Match", "\"" + file.path("version").asLong() + "\"");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    HttpResponse<String> tasks(KinshipUser user, String query) {
        return api.get("/api/v1/tasks" + query, user.username(), CaseTestUsers.PASSWORD);
    }

    /** The user's open tasks of one case. */
    List<JsonNode> myTasks(KinshipUser user, String caseId, String query) {
        HttpResponse<String> response = tasks(user, query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        read(response).forEach(task -> {
            if (task.path("caseId").asString().equals(caseId)) {
                found.add(task);
            }
        });
        return found;
    }

    Optional<JsonNode> myTask(KinshipUser user, String caseId, String taskKey) {
        return myTasks(user, caseId, "").stream()
                .filter(task -> task.path("taskDefinitionKey").asString().equals(taskKey)).findFirst();
    }

    JsonNode task(KinshipUser user, String caseId, String taskKey) {
        return myTask(user, caseId, taskKey).orElseThrow(() -> new AssertionError(
                user.username() + " has no " + taskKey + " task for case " + caseId));
    }

    HttpResponse<String> complete(KinshipUser user, String taskId, Map<String, Object> variables) {
        return api.post("/api/v1/tasks/" + taskId + "/complete",
                JSON.writeValueAsString(Map.of("variables", variables)), user.username(), CaseTestUsers.PASSWORD);
    }

    HttpResponse<String> approve(KinshipUser user, String taskId) {
        return api.post("/api/v1/tasks/" + taskId + "/approve", "{}", user.username(), CaseTestUsers.PASSWORD);
    }

    HttpResponse<String> reject(KinshipUser user, String taskId, String comment) {
        return api.post("/api/v1/tasks/" + taskId + "/reject",
                comment == null ? "{}" : JSON.writeValueAsString(Map.of("comment", comment)), user.username(),
                CaseTestUsers.PASSWORD);
    }

    /** Completes the user's task of that kind, which must succeed. */
    void completeStep(KinshipUser user, String caseId, String taskKey, Map<String, Object> variables) {
        HttpResponse<String> response = complete(user, task(user, caseId, taskKey).path("id").asString(), variables);
        assertThat(response.statusCode()).as(taskKey + ": " + response.body()).isEqualTo(200);
    }

    void approveStep(KinshipUser supervisor, String caseId, String taskKey) {
        HttpResponse<String> response = approve(supervisor, task(supervisor, caseId, taskKey).path("id").asString());
        assertThat(response.statusCode()).as(taskKey + ": " + response.body()).isEqualTo(200);
    }

    JsonNode notifications(KinshipUser user) {
        HttpResponse<String> response = api.get("/api/v1/notifications", user.username(), CaseTestUsers.PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response);
    }

    HttpResponse<String> postXml(String path, String xml, String username, String password) {
        return api.send(HttpRequest.newBuilder(URI.create(api.url(path)))
                .header("Authorization", ApiClient.basic(username, password))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build());
    }
}
