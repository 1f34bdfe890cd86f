package org.kinship.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kinship.cases.CaseFileLifecycleIntegrationTests.read;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditQuery;
import org.kinship.forms.FormDefinitionService;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.ApiClient;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Attachments follow the section access and sensitive-field rules of the field that holds them (ADR 0010): a
 * file held by a section hidden from the user is neither listed nor downloadable (404) nor named in the history;
 * a file held by a sensitive field is withheld (403) from users without {@code case:view_sensitive}. Refusals are
 * audited as {@code access.denied}, downloads as case views — through the REST API and the service the screens use.
 */
@PlatformIntegrationTest
class CaseAttachmentAccessIntegrationTests {

    private static final String MODULE = "filed-cases";

    @BeforeAll
    static void publishForms(@Autowired ApplicationContext context) {
        CaseForms.publish(context);
        FormDefinitionService forms = context.getBean(FormDefinitionService.class);
        if (forms.latestVersion("child_files").isEmpty()) {
            forms.importDefinition(CaseForms.read("child_files.json"), "case-tests", Locale.ENGLISH);
            forms.publish("child_files", "case-tests", Locale.ENGLISH);
        }
        RecordModuleService modules = context.getBean(RecordModuleService.class);
        if (modules.find(MODULE).isEmpty()) {
            String recipient = DefaultRoles.REFERRAL_RECIPIENT;
            modules.save(new RecordModule(MODULE, "case", Map.of("en", "Filed"), List.of(
                    new ModuleSection("registration", "registration", ModuleSection.LATEST, 1,
                            Map.of("en", "Registration")).withAccess(recipient, SectionAccess.READ),
                    new ModuleSection("private_files", "child_files", ModuleSection.LATEST, 2,
                            Map.of("en", "Private files")).withAccess(recipient, SectionAccess.HIDDEN),
                    new ModuleSection("files", "child_files", ModuleSection.LATEST, 3, Map.of("en", "Files"))
                            .withAccess(recipient, SectionAccess.READ)),
                    "registration", "F-{seq}", null, IndexedFields.standard(), 0));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService accounts;

    @Autowired
    CaseFileService cases;

    @Autowired
    CaseAttachmentService attachments;

    @Autowired
    CaseIndexService index;

    @Autowired
    AuditLog audit;

    @Autowired
    MongoDatabase database;

    ApiClient api;
    CaseTestUsers users;
    KinshipUser worker;
    KinshipUser recipient;
    CaseFile file;
    String hiddenPhoto;
    String hiddenScan;
    String sensitiveDocument;
    String photo;
    String loose;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        users = new CaseTestUsers(accounts);
        worker = users.worker("ATSA");
        recipient = users.create(DefaultRoles.REFERRAL_RECIPIENT, "ATSB");
        file = cases.register(worker, MODULE, CaseFiles.aRegisteredCase().data(), Locale.ENGLISH);
        hiddenPhoto = attach("hidden-photo.png", "image/png");
        hiddenScan = attach("hidden-scan.pdf", "application/pdf");
        sensitiveDocument = attach("passport-scan.pdf", "application/pdf");
        photo = attach("open-photo.png", "image/png");
        loose = attach("school-letter.pdf", "application/pdf");
        long version = cases.get(worker, file.id()).version();
        cases.editSection(worker, file.id(), version, "private_files",
                Map.of("photo", hiddenPhoto, "evidence", List.of(Map.of("scan", hiddenScan))), Locale.ENGLISH);
        cases.editSection(worker, file.id(), version + 1, "files",
                Map.of("photo", photo, "identity_document", sensitiveDocument), Locale.ENGLISH);
        CaseTestUsers.assign(database, index, file.id(), recipient);
    }

    @Test
    void aUserWithoutTheSectionOrTheSensitiveRightSeesOnlyTheFilesOfWhatTheyMayRead() {
        assertThat(cases.get(recipient, file.id()).attachments()).extracting(CaseAttachment::id)
                .containsExactlyInAnyOrder(photo, loose);
        assertThat(cases.view(recipient, file.id()).file().attachments()).extracting(CaseAttachment::id)
                .containsExactlyInAnyOrder(photo, loose);
        HttpResponse<String> got = api.get("/api/v1/cases/" + file.id(), recipient.username(), CaseTestUsers.PASSWORD);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).contains(photo, loose).doesNotContain(hiddenPhoto, hiddenScan, sensitiveDocument,
                "hidden-photo", "hidden-scan", "passport-scan");

        assertThat(download(recipient, photo).statusCode()).isEqualTo(200);
        assertThat(download(recipient, loose).statusCode()).isEqualTo(200);
        assertThat(download(recipient, hiddenPhoto).statusCode()).isEqualTo(404);
        assertThat(download(recipient, hiddenScan).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> sensitive = download(recipient, sensitiveDocument);
        assertThat(sensitive.statusCode()).isEqualTo(403);
        assertThat(sensitive.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(new String(sensitive.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("sensitive")
                .doesNotContain("passport");
        assertThatThrownBy(() -> attachments.open(recipient, file.id(), hiddenPhoto))
                .isInstanceOfSatisfying(CaseRequestRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(CaseRequestRefusedException.Reason.NOT_FOUND));
        assertThatThrownBy(() -> attachments.open(recipient, file.id(), sensitiveDocument))
                .isInstanceOfSatisfying(CaseRequestRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(CaseRequestRefusedException.Reason.FORBIDDEN));
    }

    @Test
    void theHistoryLeavesOutTheFilesOfHiddenSectionsAndMasksSensitiveOnes() {
        List<FieldChange> history = cases.history(recipient, file.id());

        assertThat(history).extracting(FieldChange::path).doesNotContain("attachments/" + hiddenPhoto,
                "attachments/" + hiddenScan).contains("attachments/" + photo, "attachments/" + sensitiveDocument);
        assertThat(history).filteredOn(c -> c.path().equals("attachments/" + sensitiveDocument))
                .extracting(FieldChange::newValue).containsExactly(CaseView.MASK);
        assertThat(history).filteredOn(c -> c.path().equals("attachments/" + photo))
                .extracting(FieldChange::newValue).containsExactly("open-photo.png");
        String json = api.get("/api/v1/cases/" + file.id() + "/history", recipient.username(), CaseTestUsers.PASSWORD)
                .body();
        assertThat(json).doesNotContain("hidden-photo", "hidden-scan", "passport-scan", hiddenPhoto, hiddenScan);
    }

    @Test
    void refusalsAreAuditedAsDeniedAndDownloadsAsCaseViews() {
        download(recipient, hiddenPhoto);
        download(recipient, sensitiveDocument);
        download(recipient, photo);

        List<AuditEntry> denied = audit.search(new AuditQuery(recipient.username(), AuditActions.ACCESS_DENIED,
                "case", file.id(), null, null), 0, 10).entries();
        assertThat(denied).extracting(e -> e.details().get("reason"))
                .containsExactlyInAnyOrder("attachment_section_hidden", "attachment_sensitive");
        List<AuditEntry> views = audit.search(new AuditQuery(recipient.username(), AuditActions.RECORD_VIEW, "case",
                file.id(), null, null), 0, 10).entries();
        assertThat(views).extracting(e -> e.details().get("part")).containsExactly("attachment:" + photo);
    }

    @Test
    void theWorkerWithTheRightsSeesAndOpensEveryFile() {
        assertThat(cases.get(worker, file.id()).attachments()).hasSize(5);
        for (String id : List.of(hiddenPhoto, hiddenScan, sensitiveDocument, photo, loose)) {
            assertThat(download(worker, id).statusCode()).as(id).isEqualTo(200);
        }
        assertThat(cases.history(worker, file.id())).filteredOn(c -> c.path().equals("attachments/" + sensitiveDocument))
                .extracting(FieldChange::newValue).containsExactly("passport-scan.pdf");
    }

    private String attach(String name, String type) {
        return attachments.attach(worker, file.id(), name, type, new ByteArrayInputStream(name.getBytes())).id();
    }

    private HttpResponse<byte[]> download(KinshipUser user, String attachmentId) {
        return api.getBytes("/api/v1/cases/" + file.id() + "/attachments/" + attachmentId, user.username(),
                CaseTestUsers.PASSWORD);
    }
}
