package org.kinship.cases;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kinship.cases.CaseFileLifecycleIntegrationTests.read;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditQuery;
import org.kinship.forms.LookupService;
import org.kinship.forms.LookupValueInUseException;
import org.kinship.security.DefaultRoles;
import org.kinship.security.FieldEncryptor;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.ApiClient;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Data protection inside case files (ADR 0010): sensitive values encrypted at rest (data and history), per-role
 * section access (hidden, read-only, editable), masking for users without {@code case:view_sensitive}, and lookup
 * values used by cases kept from deletion.
 */
@PlatformIntegrationTest
class CaseDataProtectionIntegrationTests {

    private static final String PROTECTED = "protected-cases";

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

    @Autowired
    CaseListService lists;

    @Autowired
    RecordModuleService modules;

    @Autowired
    LookupService lookups;

    @Autowired
    AuditLog audit;

    @Autowired
    MongoDatabase database;

    @Autowired
    CaseIndexService index;

    ApiClient api;
    CaseTestUsers users;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        users = new CaseTestUsers(accounts);
    }

    @Test
    void sensitiveFieldsAreNotReadableInTheRawMongoDocumentNorInItsHistory() {
        KinshipUser worker = users.worker("ENCA");
        CaseFile file = CaseFiles.aRegisteredCase().named("Zawadi", "Mwangaza")
                .with("address", "Behind the blue water tank").with("date_of_birth", "2017-05-04")
                .registeredBy(cases, worker);
        CaseFile edited = cases.editSection(worker, file.id(), 1, null, Map.of("given_name", "Zawadia"),
                Locale.ENGLISH);

        Document raw = collection().find(eq("_id", file.id())).first();
        String json = raw.toJson();
        assertThat(json).doesNotContain("Zawadi", "Mwangaza", "blue water tank", "2017-05-04")
                .contains("CD-NK-GOMA", "female");
        Object stored = raw.get("sections", Document.class).get("registration", Document.class)
                .get("data", Document.class).get("given_name");
        assertThat(FieldEncryptor.isEncrypted(stored)).isTrue();
        assertThat((Document) stored).containsKeys("kid", "iv", "ct");
        List<Document> history = raw.getList("history", Document.class);
        assertThat(history).filteredOn(h -> h.getString("path").equals("registration/given_name"))
                .hasSize(2).allSatisfy(h -> assertThat(FieldEncryptor.isEncrypted(h.get("newValue"))).isTrue());

        assertThat(edited.section("registration").orElseThrow().data()).containsEntry("given_name", "Zawadia")
                .containsEntry("family_name", "Mwangaza");
        assertThat(cases.history(worker, file.id())).filteredOn(c -> c.path().equals("registration/given_name"))
                .extracting(c -> c.oldValue() + "->" + c.newValue()).containsExactly("null->Zawadi", "Zawadi->Zawadia");
        assertThat(lists.list(worker, query("Zawadia")).items()).extracting(CaseSummary::name)
                .containsExactly("Zawadia Mwangaza");
    }

    @Test
    void aReferralRecipientReadsButCannotChangeSectionsAndSeesSensitiveValuesMasked() {
        KinshipUser worker = users.worker("MSKA");
        KinshipUser recipient = users.create(DefaultRoles.REFERRAL_RECIPIENT, "MSKB");
        CaseFile file = CaseFiles.aRegisteredCase().named("Imani", "Hidden").registeredBy(cases, worker);
        assign(file.id(), recipient);

        HttpResponse<String> got = api.get("/api/v1/cases/" + file.id(), recipient.username(), CaseTestUsers.PASSWORD);
        assertThat(got.statusCode()).isEqualTo(200);
        JsonNode body = read(got);
        JsonNode data = body.at("/sections/registration/data");
        assertThat(data.has("given_name")).isFalse();
        assertThat(data.has("family_name")).isFalse();
        assertThat(data.path("sex").asString()).isEqualTo("female");
        assertThat(got.body()).doesNotContain("Imani", "Hidden");
        JsonNode registration = section(body, "registration");
        assertThat(registration.path("access").asString()).isEqualTo("READ");
        assertThat(registration.path("formVersion").asInt()).isEqualTo(1);
        assertThat(registration.path("masked").toString()).contains("given_name", "family_name");

        HttpResponse<String> refused = api.patch("/api/v1/cases/" + file.id(), "{\"data\":{\"sex\":\"male\"}}",
                recipient.username(), CaseTestUsers.PASSWORD, "If-Match", "1");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(read(refused).path("detail").asString()).contains("registration");
        assertThat(cases.get(worker, file.id()).version()).isEqualTo(1);
        assertThat(audit.search(new AuditQuery(recipient.username(), AuditActions.ACCESS_DENIED, null, null, null,
                null), 0, 5).entries()).isNotEmpty();

        JsonNode history = read(api.get("/api/v1/cases/" + file.id() + "/history", recipient.username(),
                CaseTestUsers.PASSWORD));
        List<String> names = new ArrayList<>();
        history.forEach(change -> {
            if (change.path("path").asString().equals("registration/given_name")) {
                names.add(change.path("newValue").asString());
            }
        });
        assertThat(names).containsExactly(CaseView.MASK);
        assertThat(history.toString()).doesNotContain("Imani");

        CasePage page = lists.list(recipient, CaseQuery.all());
        assertThat(page.items()).extracting(CaseSummary::name).containsExactly(CaseView.MASK);
        assertThat(lists.list(recipient, query("Imani")).total()).isZero();
        assertThat(lists.list(recipient, query(file.caseNumber())).total()).isEqualTo(1);
    }

    @Test
    void aSectionHiddenFromARoleIsLeftOutOfTheCaseAndItsHistoryAndCannotBeEdited() {
        KinshipUser worker = users.worker("HIDA");
        KinshipUser recipient = users.create(DefaultRoles.REFERRAL_RECIPIENT, "HIDB");
        protectedModule();
        CaseFile file = cases.register(worker, PROTECTED, CaseFiles.aRegisteredCase().data(), Locale.ENGLISH);
        cases.editSection(worker, file.id(), 1, "initial_assessment",
                Map.of("risk_level", "high", "concern_details", "Threatened by an armed group"), Locale.ENGLISH);
        assign(file.id(), recipient);

        CaseView view = cases.view(recipient, file.id());
        assertThat(view.file().sections()).containsOnlyKeys("registration");
        assertThat(view.sections()).extracting(CaseView.SectionView::id).containsExactly("registration", "case_plan");
        assertThat(view.section("case_plan").orElseThrow().access()).isEqualTo(SectionAccess.EDIT);
        assertThat(view.section("registration").orElseThrow().access()).isEqualTo(SectionAccess.READ);
        assertThat(cases.history(recipient, file.id())).noneMatch(c -> c.path().startsWith("initial_assessment/"));
        HttpResponse<String> got = api.get("/api/v1/cases/" + file.id(), recipient.username(), CaseTestUsers.PASSWORD);
        assertThat(got.body()).doesNotContain("initial_assessment", "armed group");

        HttpResponse<String> refused = api.patch("/api/v1/cases/" + file.id(),
                "{\"section\":\"initial_assessment\",\"data\":{\"risk_level\":\"low\"}}", recipient.username(),
                CaseTestUsers.PASSWORD, "If-Match", "2");
        assertThat(refused.statusCode()).isEqualTo(400);
        CaseFile planned = cases.editSection(recipient, file.id(), 2, "case_plan", Map.of("goals", "School enrolment"),
                Locale.ENGLISH);
        assertThat(planned.section("case_plan").orElseThrow().data()).containsEntry("goals", "School enrolment");

        CaseView supervisors = cases.view(users.supervisor("HIDA"), file.id());
        assertThat(supervisors.file().section("initial_assessment").orElseThrow().data())
                .containsEntry("concern_details", "Threatened by an armed group");
        assertThat(supervisors.sections()).allSatisfy(s -> assertThat(s.access()).isEqualTo(SectionAccess.EDIT))
                .allSatisfy(s -> assertThat(s.masked()).isEmpty());
    }

    @Test
    void aLookupValueUsedInACaseCannotBeDeletedEvenInAnEncryptedField() {
        KinshipUser worker = users.worker("LKPA");
        CaseFile file = CaseFiles.aRegisteredCase().registeredBy(cases, worker);
        cases.editSection(worker, file.id(), 1, "case_plan", Map.of("confidential_risk", "beta"), Locale.ENGLISH);

        assertThat(lookups.isInUse("sex", "female")).isTrue();
        assertThat(lookups.isInUse("secret_levels", "beta")).isTrue();
        assertThat(lookups.isInUse("secret_levels", "gamma")).isFalse();
        assertThatThrownBy(() -> lookups.deleteValue("secret_levels", "beta"))
                .isInstanceOf(LookupValueInUseException.class);
        assertThatThrownBy(() -> lookups.deleteValue("sex", "female")).isInstanceOf(LookupValueInUseException.class);
        assertThat(lookups.deleteValue("secret_levels", "gamma").value("gamma")).isEmpty();
    }

    private void protectedModule() {
        if (modules.find(PROTECTED).isPresent()) {
            return;
        }
        String recipient = DefaultRoles.REFERRAL_RECIPIENT;
        modules.save(new RecordModule(PROTECTED, "case", Map.of("en", "Protected"), List.of(
                new ModuleSection("registration", "registration", ModuleSection.LATEST, 1, Map.of("en", "Registration"))
                        .withAccess(recipient, SectionAccess.READ),
                new ModuleSection("initial_assessment", "initial_assessment", 1, 2, Map.of("en", "Assessment"))
                        .withAccess(recipient, SectionAccess.HIDDEN),
                new ModuleSection("case_plan", "case_plan", ModuleSection.LATEST, 3, Map.of("en", "Plan"))),
                "registration", "P-{seq}", null, IndexedFields.standard(), 0));
    }

    private void assign(String caseId, KinshipUser user) {
        CaseTestUsers.assign(database, index, caseId, user);
    }

    private static JsonNode section(JsonNode body, String id) {
        for (JsonNode section : body.path("sectionAccess")) {
            if (section.path("id").asString().equals(id)) {
                return section;
            }
        }
        throw new AssertionError("no section " + id + " in " + body.path("sectionAccess"));
    }

    private static CaseQuery query(String text) {
        return new CaseQuery(null, null, null, null, null, null, null, null, null, null, null, text,
                CaseQuery.SortField.REGISTERED_AT, true, 0, 20);
    }

    private MongoCollection<Document> collection() {
        return database.getCollection("cases");
    }
}
