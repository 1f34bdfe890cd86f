package org.kinship.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.TaskService;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.kinship.access.AccessMatrix.Kind;
import org.kinship.access.AccessMatrix.Relation;
import org.kinship.access.AccessMatrix.Row;
import org.kinship.cases.CaseAttachmentService;
import org.kinship.cases.CaseCustody;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.CaseFiles;
import org.kinship.cases.CaseRecords;
import org.kinship.consent.ConsentDecision;
import org.kinship.consent.ConsentPurpose;
import org.kinship.consent.ConsentService;
import org.kinship.consent.DataProtectionWishes;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.LookupService;
import org.kinship.referrals.ReferralWorld;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.Permission.Scope;
import org.kinship.security.RoleService;
import org.kinship.security.UserAccountService;
import org.kinship.security.UserGroupService;
import org.kinship.shared.Ids;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.tracing.MatchReviewService;
import org.kinship.tracing.TracingFixtures;
import org.kinship.tracing.TracingRequestService;
import org.kinship.workflow.RecordProcessService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Issue 5, "must show": every endpoint of {@link AccessMatrix} is called by a user of every default role (and of a
 * group-scoped and an all-scoped custom role) on a record of each {@link Relation}. Inside the role's scope the answer
 * is the one of the matrix; outside it is 404 with no child data; lists hold exactly the records inside the scope.
 * The data is set up once; each call that changes a record inside the scope gets a fresh record.
 */
@PlatformIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIntegrationTests {

    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final String PROCESS = "matrix_case_process";
    private static final String PASSWORD = ReferralWorld.PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    UserAccountService accounts;
    @Autowired
    RoleService roles;
    @Autowired
    UserGroupService groups;
    @Autowired
    CaseFileService cases;
    @Autowired
    CaseRecords caseRecords;
    @Autowired
    CaseCustody custody;
    @Autowired
    CaseAttachmentService attachments;
    @Autowired
    ConsentService consent;
    @Autowired
    FormDefinitionService forms;
    @Autowired
    LookupService lookups;
    @Autowired
    TracingRequestService tracing;
    @Autowired
    MatchReviewService matches;
    @Autowired
    RecordProcessService processes;
    @Autowired
    RepositoryService repository;
    @Autowired
    MongoDatabase database;
    @Autowired
    TaskService engineTasks;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    ReferralWorld world;
    String agencyA;
    String agencyB;
    String agencyZ;
    String providerA;
    String providerZ;
    /** the user under test per role, all of agency A and members of one team with {@link #colleague} */
    final Map<String, KinshipUser> users = new LinkedHashMap<>();
    /** a case worker of agency B in the team */
    KinshipUser colleague;
    /** a case worker of agency A outside the team */
    KinshipUser workerA;
    /** a case worker of agency B outside the team */
    KinshipUser workerB;
    /** a supervisor of agency A, for set-up steps the users under test may not take */
    KinshipUser supervisorA;
    /** a saved report (cases by agency) of the supervisor under test, shared with every role */
    String report;
    /** a unique family name for the children of this test, for name searches */
    String family;
    /** shared records (not changed by any call) per relation; OWN per role */
    final Map<Relation, Records> shared = new EnumMap<>(Relation.class);
    final Map<String, Records> own = new HashMap<>();

    /** The records of one relation; {@code null} where the relation has no record of that kind. */
    record Records(Map<Kind, Map<String, String>> byKind) {
        @Nullable Map<String, String> of(Kind kind) {
            return byKind.get(kind);
        }
    }

    @BeforeAll
    void setUp() {
        world = new ReferralWorld(port, accounts, consent, context);
        TracingFixtures.publishTracingRequestForm(forms, lookups);
        int n = SERIAL.incrementAndGet();
        agencyA = ReferralWorld.agency("AMA");
        agencyB = ReferralWorld.agency("AMB");
        agencyZ = ReferralWorld.agency("AMZ");
        family = "Zubeyrova" + "abcdefghij".charAt(n % 10);
        KinshipUser admin = KinshipUser.of(accounts.findByUsername(PlatformIntegrationTest.ADMIN).orElseThrow());
        if (roles.role(AccessMatrix.TEAM_WORKER).isEmpty()) {
            roles.create(admin, AccessMatrix.TEAM_WORKER, Map.of("en", "Team worker"), Set.of(
                    Permission.of(Resource.CASE, Action.VIEW, Scope.GROUP),
                    Permission.of(Resource.CASE, Action.EDIT, Scope.GROUP),
                    Permission.of(Resource.CASE, Action.CLOSE, Scope.GROUP),
                    Permission.of(Resource.CASE, Action.VIEW_SENSITIVE, Scope.GROUP),
                    Permission.of(Resource.TRACING_REQUEST, Action.VIEW, Scope.GROUP),
                    Permission.of(Resource.TRACING_REQUEST, Action.CREATE, Scope.GROUP),
                    Permission.of(Resource.TRACING_REQUEST, Action.EDIT, Scope.GROUP)));
            roles.create(admin, AccessMatrix.NATIONAL_VIEWER, Map.of("en", "National viewer"), Set.of(
                    Permission.of(Resource.CASE, Action.VIEW, Scope.ALL),
                    Permission.of(Resource.CASE, Action.VIEW_SENSITIVE, Scope.ALL),
                    Permission.of(Resource.TRACING_REQUEST, Action.VIEW, Scope.ALL)));
        }
        for (String role : AccessMatrix.ROLES) {
            users.put(role, world.users.create(role, agencyA));
        }
        colleague = world.users.worker(agencyB);
        workerA = world.users.worker(agencyA);
        workerB = world.users.worker(agencyB);
        supervisorA = world.users.supervisor(agencyA);
        world.users.worker(agencyZ);
        List<String> names = new ArrayList<>();
        users.values().forEach(u -> names.add(u.username()));
        names.add(supervisorA.username());
        // about two thousand authenticated calls: these accounts get bcrypt cost 4 instead of the default 10
        database.getCollection("users").updateMany(Filters.in("username", names),
                Updates.set("passwordHash", "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD)));
        Set<String> members = new TreeSet<>();
        users.values().forEach(u -> members.add(u.id()));
        members.add(colleague.id());
        groups.create(admin, "Matrix team " + n, members, Set.of(agencyA, agencyB));

        world.serviceType("matrix_psychosocial");
        providerA = world.provider("Matrix centre " + agencyA, agencyA, List.of("matrix_psychosocial"),
                List.of("CD-NK"), Map.of());
        providerZ = world.provider("Matrix centre " + agencyZ, agencyZ, List.of("matrix_psychosocial"),
                List.of("CD-NK"), Map.of());
        HttpResponse<String> saved = world.post(users.get(DefaultRoles.SUPERVISOR), "/api/v1/reports", Map.of(
                "name", "Children by agency", "chart", "BAR", "sharedWithRoles", AccessMatrix.ROLES,
                "definition", ReferralWorld.JSON.readValue(AccessMatrix.REPORT, Map.class)));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        report = ReferralWorld.read(saved).path("id").asString();
        repository.createDeployment().name(PROCESS).addString(PROCESS + ".bpmn20.xml", bpmn()).deploy();

        for (Relation relation : Relation.values()) {
            if (relation != Relation.OWN) {
                shared.put(relation, records(relation, null, Set.of(Kind.values())));
            }
        }
        for (String role : AccessMatrix.ROLES) {
            own.put(role, records(Relation.OWN, users.get(role), Set.of(Kind.values())));
        }
    }

    // ------------------------------------------------------------------------------------------ the matrix

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEachRoleOnRecordsInsideAndOutsideItsScope() {
        return AccessMatrix.rows().stream().map(row -> DynamicTest.dynamicTest(row.name(), () -> check(row)));
    }

    private void check(Row row) {
        List<String> wrong = new ArrayList<>();
        for (String role : AccessMatrix.ROLES) {
            KinshipUser user = users.get(role);
            if (row.kind() == Kind.LIST || row.kind() == Kind.NONE) {
                checkList(row, role, user, wrong);
                continue;
            }
            for (Relation relation : Relation.values()) {
                int expected = row.expected(role, relation);
                Map<String, String> target = target(row, role, relation, expected);
                if (target == null) {
                    continue;
                }
                HttpResponse<String> answer = call(row, user, target);
                String path = fill(row.path(), target);
                if (answer.statusCode() != expected) {
                    wrong.add(role + " on " + relation + ": " + answer.statusCode() + " (expected " + expected + ") "
                            + abbreviate(answer.body()));
                } else if (answer.statusCode() == 404 || answer.statusCode() == 403) {
                    // a refusal names nothing but the request itself: no other id of the record
                    for (String id : childIds(target)) {
                        if (!path.contains(id) && answer.body().contains(id)) {
                            wrong.add(role + " on " + relation + ": the refusal names " + id);
                        }
                    }
                }
            }
            if (row.cell(role).everywhere()) {
                Map<String, String> madeUp = new HashMap<>(shared.get(Relation.OTHER).of(row.kind()));
                madeUp.replaceAll((key, value) -> Ids.newId());
                int status = call(row, user, madeUp).statusCode();
                if (status != row.cell(role).own()) {
                    wrong.add(role + " on a made-up id: " + status + " (expected " + row.cell(role).own() + ")");
                }
            }
        }
        assertThat(wrong).as(row.name()).isEmpty();
    }

    private void checkList(Row row, String role, KinshipUser user, List<String> wrong) {
        int expected = row.status(role);
        String body = listBody(row, user, expected, role, wrong);
        if (body == null || row.kind() == Kind.NONE) {
            return;
        }
        AccessMatrix.Reach reach = AccessMatrix.REACH.get(role);
        for (Relation relation : Relation.values()) {
            Records records = relation == Relation.OWN ? own.get(role) : shared.get(relation);
            for (Kind kind : List.of(Kind.CASE, Kind.TRACING)) {
                Map<String, String> target = records.of(kind);
                if (target == null) {
                    continue;
                }
                boolean reachable = kind.reach(reach).reaches(relation)
                        || (relation == Relation.RECEIVED && row.receivedListed(role));
                for (String id : childIds(target)) {
                    if (!reachable && body.contains(id)) {
                        wrong.add(role + ": lists " + kind + " " + relation + " " + id + " outside its scope");
                    }
                }
            }
        }
        // the other roles' own cases belong to agency A (no team): only agency and all scopes reach them
        boolean othersReachable = Kind.CASE.reach(reach) == AccessMatrix.Level.AGENCY
                || Kind.CASE.reach(reach) == AccessMatrix.Level.ALL;
        for (String other : AccessMatrix.ROLES) {
            Map<String, String> target = own.get(other).of(Kind.CASE);
            if (!other.equals(role) && !othersReachable && body.contains(target.get("case"))) {
                wrong.add(role + ": lists the own case of " + other);
            }
        }
        if (row.path().startsWith("/api/v1/reports/") && !row.path().contains("/export") && !reportsEverywhere(role)) {
            // every agency is a row of the result (an option of @agency); outside the scope its count must be 0
            for (JsonNode line : ReferralWorld.JSON.readTree(body).path("rows")) {
                if (line.path("header").path("keys").toString().contains("\"" + agencyB + "\"")
                        && line.path("total").decimalValue().signum() != 0) {
                    wrong.add(role + ": the report counts cases of agency " + agencyB + " outside its scope");
                }
            }
        }
        if (row.path().startsWith("/api/v1/cases?")) {
            for (Relation relation : Relation.values()) {
                Records records = relation == Relation.OWN ? own.get(role) : shared.get(relation);
                String id = records.of(Kind.CASE).get("case");
                if (Kind.CASE.reach(reach).reaches(relation) && !body.contains(id)) {
                    wrong.add(role + ": the case list misses the " + relation + " case " + id);
                }
            }
        }
    }

    private boolean reportsEverywhere(String role) {
        return role.equals(DefaultRoles.ADMINISTRATOR) || role.equals(DefaultRoles.DATA_ANALYST);
    }

    private @Nullable String listBody(Row row, KinshipUser user, int expected, String role, List<String> wrong) {
        Map<String, String> values = Map.of("name", family, "page", "0", "report", report);
        StringBuilder all = new StringBuilder();
        for (int page = 0; page < 50; page++) {
            Map<String, String> paged = new HashMap<>(values);
            paged.put("page", String.valueOf(page));
            HttpResponse<String> answer = call(row, user, paged);
            if (answer.statusCode() != expected) {
                wrong.add(role + ": " + answer.statusCode() + " (expected " + expected + ") "
                        + abbreviate(answer.body()));
                return null;
            }
            all.append(answer.body());
            if (!row.path().contains("{page}") || expected != 200
                    || ReferralWorld.read(answer).path("items").size() < 100) {
                break;
            }
        }
        return all.toString();
    }

    // ------------------------------------------------------------------------------------------ the guard

    /** Endpoints under /api/v1 that hold no child data, each with the reason. Every other one must be in the matrix. */
    private static final Map<String, String> NOT_CHILD_DATA = Map.ofEntries(
            Map.entry("GET /api/v1/me", "the signed-in user's own account"),
            Map.entry("POST /api/v1/me/totp", "own second factor"),
            Map.entry("POST /api/v1/me/totp/confirm", "own second factor"),
            Map.entry("* /api/v1/admin/**", "staff accounts, roles, groups, agencies (AdminApiIntegrationTests)"),
            Map.entry("* /api/v1/audit/**", "audit log: ids and codes only, audit_log:view (AuditApiIntegrationTests)"),
            Map.entry("* /api/v1/forms/**", "form definitions"),
            Map.entry("* /api/v1/lookups/**", "lookup lists"),
            Map.entry("* /api/v1/templates/**", "template packages of forms, lookups and workflows"),
            Map.entry("* /api/v1/workflows/**", "BPMN definitions"),
            Map.entry("* /api/v1/modules/**", "record modules: configuration"),
            Map.entry("POST /api/v1/cases/index/rebuild", "rebuilds the index, answers counts (case:manage)"),
            Map.entry("POST /api/v1/tasks/rebuild", "rebuilds the inbox, answers counts (workflow:manage)"),
            Map.entry("POST /api/v1/reports/index/rebuild", "rebuilds the report read model, answers counts (administrators)"),
            Map.entry("* /api/v1/service-levels", "service level settings"),
            Map.entry("* /api/v1/matching/settings", "matching weights"),
            Map.entry("* /api/v1/matching/rebuild", "job start and progress: counts only (matching:manage)"),
            Map.entry("* /api/v1/matching/duplicate-scan", "job start and progress: counts only (matching:manage)"),
            Map.entry("* /api/v1/services", "service directory: service types"),
            Map.entry("* /api/v1/providers/**", "service directory: providers"),
            Map.entry("* /api/v1/referral-types/**", "referral types: shared section lists"),
            Map.entry("* /api/v1/aggregates/**", "aggregate (counts only) reports from agencies (AggregateIntegrationTests)"),
            Map.entry("GET /api/v1/reports", "saved report definitions"),
            Map.entry("POST /api/v1/reports", "saved report definitions"),
            Map.entry("GET /api/v1/reports/fields", "the fields a report may use"),
            Map.entry("* /api/v1/reports/{}", "saved report definitions"),
            Map.entry("POST /api/v1/exports/cases/warnings", "names the identifying and sensitive fields of a request"),
            Map.entry("* /api/v1/notifications/read", "marks the user's own notifications read"),
            Map.entry("* /api/v1/notifications/{}/read", "marks one of the user's own notifications read"));

    @Test
    void everyEndpointUnderApiV1IsInTheMatrixOrNamedAsHoldingNoChildData() {
        Set<String> inMatrix = new TreeSet<>();
        AccessMatrix.endpoints().forEach(e -> inMatrix.add(normalize(e)));
        List<String> missing = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1/")) {
                    continue;
                }
                Set<String> methods = new TreeSet<>();
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                for (String method : methods) {
                    String endpoint = normalize(method + " " + pattern);
                    if (!inMatrix.contains(endpoint) && !exempt(endpoint)) {
                        missing.add(endpoint + " (" + entry.getValue().getShortLogMessage() + ")");
                    }
                }
            }
        }
        assertThat(missing).as("endpoints neither in AccessMatrix nor in NOT_CHILD_DATA").isEmpty();
    }

    private static String normalize(String endpoint) {
        return endpoint.replaceAll("\\{[^}]*}", "{}");
    }

    private static boolean exempt(String endpoint) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        for (String key : NOT_CHILD_DATA.keySet()) {
            String keyMethod = key.substring(0, key.indexOf(' '));
            String keyPath = normalize(key.substring(key.indexOf(' ') + 1));
            boolean methodMatches = keyMethod.equals("*") || keyMethod.equals(method);
            boolean pathMatches = keyPath.endsWith("/**")
                    ? path.equals(keyPath.substring(0, keyPath.length() - 3))
                            || path.startsWith(keyPath.substring(0, keyPath.length() - 2))
                    : path.equals(keyPath);
            if (methodMatches && pathMatches) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------ calls

    private HttpResponse<String> call(Row row, KinshipUser user, Map<String, String> target) {
        String path = fill(row.path(), target);
        if ("{file}".equals(row.body())) {
            return world.api.upload(path, user.username(), PASSWORD, "file", "visit.pdf", "application/pdf",
                    "%PDF-1.7 home visit".getBytes(StandardCharsets.UTF_8));
        }
        String body = row.body() == null ? null : fill(switch (row.body()) {
            case "{registration}" -> CaseFiles.aRegisteredCase().named("Amina", family).json();
            case "{tracingRequest}" -> tracingRequest("Amina " + family);
            default -> row.body();
        }, target);
        List<String> headers = new ArrayList<>();
        if (target.containsKey("case") && row.writes() && path.endsWith("/targets")) {
            headers.add("If-Match");
            headers.add(world.api.get(path, systemViewer().username(), PASSWORD).headers().firstValue("ETag")
                    .orElse("\"0\""));
        } else if (target.containsKey("case") && row.writes()) {
            headers.add("If-Match");
            headers.add("\"" + caseVersion(target.get("case")) + "\"");
        }
        if (target.containsKey("tracing") && row.writes()) {
            headers.add("If-Match");
            headers.add("\"" + tracingVersion(target.get("tracing")) + "\"");
        }
        return world.api.send(row.method(), path, body, user.username(), PASSWORD, headers.toArray(String[]::new));
    }

    private String fill(String template, Map<String, String> target) {
        String filled = template.replace("{provider}", providerZ).replace("{agencyZ}", agencyZ)
                .replace("{colleague}", supervisorA.id()).replace("{name}", "Amina%20" + family);
        for (Map.Entry<String, String> value : target.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        return filled;
    }

    private long caseVersion(String caseId) {
        return caseRecords.find(caseId).map(CaseFile::version).orElse(0L);
    }

    private long tracingVersion(String id) {
        return tracing.find(id).map(r -> r.version()).orElse(0L);
    }

    /** A user who reads every case and tracing request (the national viewer): versions are read through it. */
    private KinshipUser systemViewer() {
        return users.get(AccessMatrix.NATIONAL_VIEWER);
    }

    /** The record a row is called on: shared for reads and for calls that must be refused, fresh otherwise. */
    private @Nullable Map<String, String> target(Row row, String role, Relation relation, int expected) {
        Kind kind = row.kind();
        boolean fresh = row.writes() && expected / 100 == 2;
        if (fresh) {
            return records(relation, relation == Relation.OWN ? users.get(role) : null, Set.of(kind)).of(kind);
        }
        Records records = relation == Relation.OWN ? own.get(role) : shared.get(relation);
        return records.of(kind);
    }

    private static List<String> childIds(Map<String, String> target) {
        return target.values().stream().filter(v -> v.length() > 8).toList();
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    // ------------------------------------------------------------------------------------------ records

    /** The owner of a record of {@code relation}: registrant of its cases and author of its tracing requests. */
    private KinshipUser owner(Relation relation) {
        return switch (relation) {
            case OWN, AGENCY -> workerA;
            case GROUP -> colleague;
            case OTHER, RECEIVED -> workerB;
        };
    }

    private Records records(Relation relation, @Nullable KinshipUser me, Set<Kind> kinds) {
        Map<Kind, Map<String, String>> byKind = new EnumMap<>(Kind.class);
        Map<String, String> caseRecord = null;
        Map<String, String> process = null;
        for (Kind kind : new TreeSet<>(kinds)) {
            if (caseRecord == null && (kind == Kind.CASE || kind == Kind.FLAG || kind == Kind.ATTACHMENT)) {
                caseRecord = caseRecord(relation, me);
            }
            if (process == null && (kind == Kind.TASK || kind == Kind.APPROVAL)) {
                process = process(relation, me);
            }
            Map<String, String> ids = switch (kind) {
                case CASE, FLAG, ATTACHMENT -> caseRecord;
                case CLOSED_CASE -> closedCase(relation, me);
                case TASK -> task(process, "followUp");
                case APPROVAL -> task(process, "review");
                case TRACING -> tracingRecord(relation, me);
                case MATCH -> match(relation, me);
                case REFERRAL -> referral(relation, me);
                case TRANSFER -> transfer(relation, me);
                case LIST, NONE -> null;
            };
            if (ids != null) {
                byKind.put(kind, ids);
            }
        }
        return new Records(byKind);
    }

    /** A case with an open flag and an attachment, consent to services, sharing and tracing. */
    private Map<String, String> caseRecord(Relation relation, @Nullable KinshipUser me) {
        KinshipUser owner = owner(relation);
        CaseFile file = CaseFiles.aRegisteredCase().named("Amina", family).registeredBy(cases, owner);
        consent.record(owner, file.id(), Map.of(ConsentPurpose.SERVICES, ConsentDecision.GIVEN, ConsentPurpose.SHARING,
                ConsentDecision.GIVEN, ConsentPurpose.TRACING, ConsentDecision.GIVEN), DataProtectionWishes.NONE, 0);
        file = cases.flag(owner, file.id(), null, "Needs a home visit");
        String flag = file.flags().getLast().id();
        String attachment = attachments.attach(owner, file.id(), "visit.pdf", "application/pdf",
                new ByteArrayInputStream("%PDF-1.7 home visit".getBytes(StandardCharsets.UTF_8))).id();
        if (relation == Relation.OWN) {
            custody.changeOwner(file.id(), me.id(), agencyA, CaseCustody.OwnerChange.ASSIGNMENT, supervisorA.id());
        }
        if (relation == Relation.RECEIVED) {
            HttpResponse<String> referred = world.post(owner, "/api/v1/cases/" + file.id() + "/referrals",
                    Map.of("serviceType", "matrix_psychosocial", "providerId", providerA));
            assertThat(referred.statusCode()).as(referred.body()).isEqualTo(201);
        }
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("case", file.id());
        ids.put("caseNumber", file.caseNumber());
        ids.put("flag", flag);
        ids.put("attachment", attachment);
        return ids;
    }

    private Map<String, String> closedCase(Relation relation, @Nullable KinshipUser me) {
        Map<String, String> ids = caseRecord(relation, me);
        KinshipUser closer = switch (relation) {
            case OWN, AGENCY -> supervisorA;
            case GROUP -> colleague;
            case OTHER, RECEIVED -> workerB;
        };
        cases.close(closer, ids.get("case"), null, "Reunified with the family");
        return ids;
    }

    /** A case whose process has an open follow-up task and an open approval ({@link #bpmn()}). */
    private Map<String, String> process(Relation relation, @Nullable KinshipUser me) {
        Map<String, String> ids = new LinkedHashMap<>(caseRecord(relation, me));
        ids.put("process", processes.start(PROCESS, ids.get("case"), ids.get("case"), Map.of()));
        return ids;
    }

    private Map<String, String> task(Map<String, String> process, String taskKey) {
        var task = engineTasks.createTaskQuery().processInstanceId(process.get("process")).taskDefinitionKey(taskKey)
                .singleResult();
        Map<String, String> ids = new LinkedHashMap<>(process);
        ids.remove("process");
        ids.put("task", task.getId());
        return ids;
    }

    private @Nullable Map<String, String> tracingRecord(Relation relation, @Nullable KinshipUser me) {
        KinshipUser author = relation == Relation.OWN ? me : owner(relation);
        if (relation == Relation.RECEIVED || !mayCreateTracingRequests(author)) {
            return null;
        }
        String id = tracing.create(author, tracingData("Amina " + family), Locale.ENGLISH).id();
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("tracing", id);
        return ids;
    }

    private static boolean mayCreateTracingRequests(KinshipUser user) {
        return user.hasRole(DefaultRoles.CASE_WORKER) || user.hasRole(DefaultRoles.SUPERVISOR)
                || user.hasRole(AccessMatrix.TEAM_WORKER);
    }

    /** A tracing request and a case of the same child in the same relation, and the match between them. */
    private @Nullable Map<String, String> match(Relation relation, @Nullable KinshipUser me) {
        Map<String, String> request = tracingRecord(relation, me);
        if (request == null) {
            return null;
        }
        String given = "Mustafa" + "abcdefghijklmnopqrstuvwxyz".charAt(SERIAL.incrementAndGet() % 26);
        KinshipUser owner = owner(relation);
        CaseFile file = CaseFiles.aRegisteredCase().named(given, family).ofSex("male").aged(10).livingIn("td-adre")
                .registeredBy(cases, owner);
        consent.record(owner, file.id(), Map.of(ConsentPurpose.TRACING, ConsentDecision.GIVEN),
                DataProtectionWishes.NONE, 0);
        if (relation == Relation.OWN) {
            custody.changeOwner(file.id(), me.id(), agencyA, CaseCustody.OwnerChange.ASSIGNMENT, supervisorA.id());
        }
        String requestId = tracing.create(relation == Relation.OWN ? me : owner, tracingData(given + " " + family),
                Locale.ENGLISH).id();
        String matchId = matches.forRequest(systemViewer(), requestId).stream()
                .filter(c -> c.recordId().equals(file.id())).findFirst()
                .orElseThrow(() -> new AssertionError("no match for " + relation)).matchId();
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("match", matchId);
        ids.put("tracing", requestId);
        ids.put("case", file.id());
        return ids;
    }

    /** A referral of a case to agency Z, sent by the case's owner (OWN: by the user, if they may refer). */
    private @Nullable Map<String, String> referral(Relation relation, @Nullable KinshipUser me) {
        KinshipUser sender = relation == Relation.OWN ? me : owner(relation);
        if (!mayRefer(sender)) {
            return null;
        }
        Map<String, String> ids = caseRecord(relation == Relation.OWN ? Relation.AGENCY : relation, null);
        if (relation == Relation.OWN) {
            custody.changeOwner(ids.get("case"), me.id(), agencyA, CaseCustody.OwnerChange.ASSIGNMENT,
                    supervisorA.id());
        }
        String provider = relation == Relation.RECEIVED ? providerA : providerZ;
        HttpResponse<String> sent = world.post(sender, "/api/v1/cases/" + ids.get("case") + "/referrals",
                Map.of("serviceType", "matrix_psychosocial", "providerId", provider));
        if (relation == Relation.RECEIVED) {
            // the case record already carries a referral to agency A: look it up
            sent = world.get(sender, "/api/v1/cases/" + ids.get("case") + "/referrals");
            ids.put("referral", ReferralWorld.read(sent).get(0).path("id").asString());
            return ids;
        }
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        ids.put("referral", ReferralWorld.read(sent).path("id").asString());
        return ids;
    }

    /** A pending transfer of a case to agency Z (RECEIVED: to agency A), offered by the case's owner. */
    private @Nullable Map<String, String> transfer(Relation relation, @Nullable KinshipUser me) {
        KinshipUser sender = relation == Relation.OWN ? me : owner(relation);
        if (!mayRefer(sender)) {
            return null;
        }
        Map<String, String> ids = caseRecord(relation == Relation.OWN || relation == Relation.RECEIVED
                ? (relation == Relation.OWN ? Relation.AGENCY : Relation.OTHER) : relation, null);
        if (relation == Relation.OWN) {
            custody.changeOwner(ids.get("case"), me.id(), agencyA, CaseCustody.OwnerChange.ASSIGNMENT,
                    supervisorA.id());
        }
        HttpResponse<String> offered = world.post(sender, "/api/v1/cases/" + ids.get("case") + "/transfers",
                Map.of("toAgencyCode", relation == Relation.RECEIVED ? agencyA : agencyZ, "note", "Family moved"));
        assertThat(offered.statusCode()).as(offered.body()).isEqualTo(201);
        ids.put("transfer", ReferralWorld.read(offered).path("id").asString());
        return ids;
    }

    private static boolean mayRefer(KinshipUser user) {
        return user.hasRole(DefaultRoles.CASE_WORKER) || user.hasRole(DefaultRoles.SUPERVISOR);
    }

    private String tracingRequest(String childName) {
        return ReferralWorld.json(Map.of("data", tracingData(childName)));
    }

    private Map<String, Object> tracingData(String childName) {
        return Map.of("inquirer_name", "Fatima " + family, "inquirer_relationship", "mother", "sought_children",
                List.of(Map.of("name", childName, "sex", "male", "age", 10, "separation_place", "td-adre")));
    }

    /** A case process with a follow-up task any case role may take and a supervisor's approval. */
    private static String bpmn() {
        String roles = String.join(",", AccessMatrix.ROLES);
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:flowable="http://flowable.org/bpmn" targetNamespace="http://kinship.org/test">
                  <process id="%s" name="Matrix case process">
                    <startEvent id="start"/>
                    <parallelGateway id="fork"/>
                    <userTask id="followUp" name="Follow-up" flowable:candidateGroups="%s"/>
                    <userTask id="review" name="Review" flowable:formKey="approval:registration"
                        flowable:candidateGroups="%s"/>
                    <parallelGateway id="join"/>
                    <endEvent id="end"/>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="fork"/>
                    <sequenceFlow id="f2" sourceRef="fork" targetRef="followUp"/>
                    <sequenceFlow id="f3" sourceRef="fork" targetRef="review"/>
                    <sequenceFlow id="f4" sourceRef="followUp" targetRef="join"/>
                    <sequenceFlow id="f5" sourceRef="review" targetRef="join"/>
                    <sequenceFlow id="f6" sourceRef="join" targetRef="end"/>
                  </process>
                </definitions>
                """.formatted(PROCESS, roles, roles);
    }
}
