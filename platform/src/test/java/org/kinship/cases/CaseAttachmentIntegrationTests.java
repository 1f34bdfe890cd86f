package org.kinship.cases;

import org.springframework.context.ApplicationContext;
import org.junit.jupiter.api.BeforeAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.kinship.cases.CaseFileLifecycleIntegrationTests.read;

import java.net.http.HttpResponse;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.ApiClient;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformIntegrationTest
class CaseAttachmentIntegrationTests {

    @BeforeAll
    static void publishCaseForms(@Autowired ApplicationContext context) {
        CaseForms.publish(context);
    }

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService accounts;

    @Autowired
    CaseFileService cases;

    ApiClient api;
    KinshipUser worker;
    CaseFile file;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        worker = new CaseTestUsers(accounts).worker("ATTA");
        file = CaseFiles.aRegisteredCase().registeredBy(cases, worker);
    }

    @Test
    void aPhotoLargerThanOneChunkIsStoredListedAndShownInline() {
        byte[] photo = new byte[700 * 1024];
        new Random(7).nextBytes(photo);

        HttpResponse<String> uploaded = upload("child.png", "image/png", photo);

        assertThat(uploaded.statusCode()).isEqualTo(201);
        JsonNode attachment = read(uploaded);
        assertThat(attachment.path("size").asLong()).isEqualTo(photo.length);
        assertThat(cases.get(worker, file.id()).attachments()).extracting(CaseAttachment::fileName)
                .containsExactly("child.png");
        HttpResponse<byte[]> download = api.getBytes(
                "/api/v1/cases/" + file.id() + "/attachments/" + attachment.path("id").asString(), worker.username(),
                CaseTestUsers.PASSWORD);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(photo);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("inline"));
    }

    @Test
    void aDocumentDownloadsAsAnAttachment() {
        String id = read(upload("consent.pdf", "application/pdf", "%PDF-1.7 consent".getBytes())).path("id").asString();

        HttpResponse<byte[]> download = api.getBytes("/api/v1/cases/" + file.id() + "/attachments/" + id,
                worker.username(), CaseTestUsers.PASSWORD);

        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment").contains("consent.pdf"));
    }

    @Test
    void aTypeOutsideTheListAndAFileOverTheLimitAreRefusedAndNothingIsListed() {
        HttpResponse<String> script = upload("run.sh", "application/x-sh", "rm -rf /".getBytes());
        HttpResponse<String> huge = upload("scan.pdf", "application/pdf", new byte[10 * 1024 * 1024 + 1]);

        assertThat(script.statusCode()).isEqualTo(415);
        assertThat(read(script).path("detail").asString()).contains("application/x-sh");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(cases.get(worker, file.id()).attachments()).isEmpty();
        assertThat(cases.get(worker, file.id()).version()).isEqualTo(1);
    }

    @Test
    void anotherAgencysWorkerCannotDownloadTheAttachment() {
        String id = read(upload("child.png", "image/png", new byte[] {1, 2, 3})).path("id").asString();
        KinshipUser stranger = new CaseTestUsers(accounts).worker("ATTB");

        assertThat(api.getBytes("/api/v1/cases/" + file.id() + "/attachments/" + id, stranger.username(),
                CaseTestUsers.PASSWORD).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> upload(String name, String type, byte[] content) {
        return api.upload("/api/v1/cases/" + file.id() + "/attachments", worker.username(), CaseTestUsers.PASSWORD,
                "file", name, type, content);
    }
}
