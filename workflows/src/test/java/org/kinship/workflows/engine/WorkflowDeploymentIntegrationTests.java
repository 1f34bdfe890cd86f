package org.kinship.workflows.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.cases.CaseTestUsers;
import org.kinship.cases.RecordModuleService;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/workflows}: a broken BPMN file is refused with every problem named and nothing deployed; a valid
 * one is deployed and listed; a second version of the case process is deployed and a running case migrated.
 */
@PlatformIntegrationTest
class WorkflowDeploymentIntegrationTests {

    private static final String ADMIN = PlatformIntegrationTest.ADMIN;
    private static final String PASSWORD = PlatformIntegrationTest.ADMIN_PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService accounts;

    @Autowired
    RecordModuleService modules;

    @Autowired
    org.kinship.forms.FormDefinitionService forms;

    @Autowired
    org.kinship.forms.LookupService lookups;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    InboxApi api;

    @BeforeEach
    void setUp() {
        EngineTestModule.install(modules, forms, lookups);
        api = new InboxApi(port);
    }

    @Test
    void aBrokenFileIsRefusedWithEveryProblemNamedAndNothingDeployed() {
        long before = repository.createDeploymentQuery().count();

        assertThat(problemCodes(api.postXml("/api/v1/workflows", "this is not <xml", ADMIN, PASSWORD)))
                .containsExactly("notXml");
        assertThat(problemCodes(api.postXml("/api/v1/workflows", "<html><body/></html>", ADMIN, PASSWORD)))
                .containsExactly("notBpmn");
        assertThat(problemCodes(api.postXml("/api/v1/workflows", process("brokenOne", false,
                "<userTask id=\"a\" flowable:formKey=\"no_such_section\"/>"
                        + "<userTask id=\"a\" flowable:formKey=\"registration\"/>"), ADMIN, PASSWORD)))
                .contains("notExecutable", "duplicateId");

        HttpResponse<String> broken = api.postXml("/api/v1/workflows", process("brokenTwo", true,
                "<startEvent id=\"start\"/><sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"work\"/>"
                        + "<userTask id=\"work\" flowable:formKey=\"no_such_section\"/>"
                        + "<boundaryEvent id=\"late\" attachedToRef=\"work\" cancelActivity=\"false\">"
                        + "<timerEventDefinition><timeDate>next tuesday</timeDate></timerEventDefinition>"
                        + "</boundaryEvent>"
                        + "<sequenceFlow id=\"f2\" sourceRef=\"work\" targetRef=\"approve\"/>"
                        + "<userTask id=\"approve\"/>"
                        + "<sequenceFlow id=\"f3\" sourceRef=\"approve\" targetRef=\"end\"/><endEvent id=\"end\"/>"
                        + "<sequenceFlow id=\"f4\" sourceRef=\"late\" targetRef=\"lateEnd\"/><endEvent id=\"lateEnd\"/>"),
                ADMIN, PASSWORD);
        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(broken.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = InboxApi.read(broken);
        assertThat(problemCodes(broken)).containsExactlyInAnyOrder("unknownFormKey", "badTimer", "missingFormKey");
        assertThat(body.path("problems").toString()).contains("no_such_section", "next tuesday", "approve");

        String huge = process("hugeOne", true, "<documentation>" + "x".repeat(1_100_000) + "</documentation>");
        assertThat(problemCodes(api.postXml("/api/v1/workflows", huge, ADMIN, PASSWORD))).containsExactly("tooLarge");

        assertThat(repository.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(before);
    }

    @Test
    void aValidFileIsDeployedListedAndDownloadable() {
        String xml = process("kinshipSmallProcess", true,
                "<startEvent id=\"start\"/><sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"work\"/>"
                        + "<userTask id=\"work\" flowable:formKey=\"registration\" flowable:dueDate=\"${due}\"/>"
                        + "<boundaryEvent id=\"late\" attachedToRef=\"work\" cancelActivity=\"false\">"
                        + "<timerEventDefinition><timeDuration>PT48H</timeDuration></timerEventDefinition>"
                        + "</boundaryEvent>"
                        + "<sequenceFlow id=\"f2\" sourceRef=\"work\" targetRef=\"check\"/>"
                        + "<userTask id=\"check\" flowable:formKey=\"approval:registration\"/>"
                        + "<sequenceFlow id=\"f3\" sourceRef=\"check\" targetRef=\"end\"/><endEvent id=\"end\"/>"
                        + "<sequenceFlow id=\"f4\" sourceRef=\"late\" targetRef=\"lateEnd\"/><endEvent id=\"lateEnd\"/>");

        HttpResponse<String> deployed = api.postXml("/api/v1/workflows?fileName=small.bpmn20.xml", xml, ADMIN,
                PASSWORD);
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);
        assertThat(InboxApi.read(deployed).path("key").asString()).isEqualTo("kinshipSmallProcess");
        assertThat(InboxApi.read(deployed).path("version").asInt()).isEqualTo(1);

        JsonNode listed = InboxApi.read(api.client().get("/api/v1/workflows", ADMIN, PASSWORD));
        List<String> keys = new ArrayList<>();
        listed.forEach(definition -> keys.add(definition.path("key").asString()));
        assertThat(keys).contains("kinshipSmallProcess", "childProtectionCase");

        HttpResponse<String> download = api.client().get(
                "/api/v1/workflows/kinshipSmallProcess/versions/1/bpmn", ADMIN, PASSWORD);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(xml);
        assertThat(api.client().get("/api/v1/workflows/noSuchProcess/versions", ADMIN, PASSWORD).statusCode())
                .isEqualTo(404);

        KinshipUser worker = new CaseTestUsers(accounts).worker("WFD");
        assertThat(api.postXml("/api/v1/workflows", xml, worker.username(), CaseTestUsers.PASSWORD).statusCode())
                .as("deploying needs workflow:manage").isEqualTo(403);
        assertThat(api.client().get("/api/v1/workflows", worker.username(), CaseTestUsers.PASSWORD).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aSecondVersionOfTheCaseProcessIsDeployedAndARunningCaseMigrated() {
        CaseTestUsers users = new CaseTestUsers(accounts);
        KinshipUser worker = users.worker("WFM");
        String caseId = api.register(worker, "high");
        api.completeStep(worker, caseId, "registration", Map.of());
        String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult().getId();
        int before = versionOf(pid);

        String v2 = bundledProcess().replace("name=\"Child protection case management\"",
                "name=\"Child protection case management (revised)\"");
        // uploaded under the shipped file's name, as an administrator re-uploads the edited file
        HttpResponse<String> deployed = api.postXml("/api/v1/workflows?fileName=child-protection-case.bpmn20.xml", v2,
                ADMIN, PASSWORD);
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);
        int next = InboxApi.read(deployed).path("version").asInt();
        assertThat(next).isGreaterThan(before);
        assertThat(InboxApi.read(deployed).path("resourceName").asString())
                .isEqualTo("child-protection-case.bpmn20.xml");
        assertThat(versionOf(pid)).as("running cases stay until migrated").isEqualTo(before);

        JsonNode versions = InboxApi.read(api.client().get("/api/v1/workflows/childProtectionCase/versions", ADMIN,
                PASSWORD));
        assertThat(versions.get(0).path("version").asInt()).isEqualTo(next);

        HttpResponse<String> migrated = api.client().post("/api/v1/workflows/childProtectionCase/migrate?toVersion="
                + next, null, ADMIN, PASSWORD);
        assertThat(migrated.statusCode()).as(migrated.body()).isEqualTo(200);
        assertThat(InboxApi.read(migrated).path("migrated").toString()).contains(caseId);
        assertThat(versionOf(pid)).isEqualTo(next);

        api.fillSection(worker, caseId, "initial_assessment", Map.of("concerns", "none recorded"));
        api.completeStep(worker, caseId, "initialAssessment", Map.of());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult()).isNotNull();
    }

    private int versionOf(String pid) {
        String definitionId = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult()
                .getProcessDefinitionId();
        return repository.createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult()
                .getVersion();
    }

    private static List<String> problemCodes(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        List<String> codes = new ArrayList<>();
        InboxApi.read(response).path("problems").forEach(p -> {
            codes.add(p.path("code").asString());
            assertThat(p.path("message").asString()).doesNotStartWith("!");
        });
        return codes;
    }

    private static String process(String id, boolean executable, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:flowable=\"http://flowable.org/bpmn\" targetNamespace=\"https://kinship.org/test\">"
                + "<process id=\"" + id + "\" isExecutable=\"" + executable + "\">" + body + "</process>"
                + "</definitions>";
    }

    private static String bundledProcess() {
        try (InputStream in = WorkflowDeploymentIntegrationTests.class
                .getResourceAsStream("/processes/child-protection-case.bpmn20.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
