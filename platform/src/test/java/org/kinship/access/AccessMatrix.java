package org.kinship.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.security.DefaultRoles;

/**
 * The access matrix as data: for every REST endpoint that returns or changes child data, the answer each role gets on a
 * record inside its scope. A record outside the scope answers 404 for every role and every endpoint (existence does not
 * leak); list endpoints answer only records inside the scope. {@link AccessMatrixIntegrationTests} runs it.
 */
final class AccessMatrix {

    /** Two custom roles, so that the group and the all scope are exercised as well (no default role has them). */
    static final String TEAM_WORKER = "matrix_team_worker";
    static final String NATIONAL_VIEWER = "matrix_national_viewer";

    /** The column order of {@link Row#inside}. */
    static final List<String> ROLES = List.of(DefaultRoles.ADMINISTRATOR, DefaultRoles.SUPERVISOR,
            DefaultRoles.CASE_WORKER, DefaultRoles.REFERRAL_RECIPIENT, DefaultRoles.DATA_ANALYST,
            DefaultRoles.AGENCY_ADMINISTRATOR, TEAM_WORKER, NATIONAL_VIEWER);

    /** How a record relates to the user under test (a member of agency A and of a cross-agency team). */
    enum Relation {
        /** owned by the user (or assigned to them) */
        OWN,
        /** owned by a team colleague of agency B: reached with the group scope only */
        GROUP,
        /** owned by another worker of the user's agency A */
        AGENCY,
        /** owned by a worker of agency B outside the team */
        OTHER,
        /** a case of agency B referred (or transferred) to agency A, and that referral or transfer */
        RECEIVED
    }

    enum Level {
        NONE, OWN, GROUP, AGENCY, ALL;

        boolean reaches(Relation relation) {
            return switch (relation) {
                case OWN -> this != NONE;
                case GROUP -> this == GROUP || this == ALL;
                case AGENCY -> this == AGENCY || this == ALL;
                case OTHER, RECEIVED -> this == ALL;
            };
        }
    }

    /**
     * What a role reaches, read from its permissions as documented (ADR 0005, 0014, 0015): cases (and their tasks,
     * notes, flags and attachments) by {@code case:view}; tracing requests by {@code tracing_request:view} (tracing
     * requests have no groups: the group scope reaches only one's own); referrals and transfers on the sending side
     * by {@code case:refer} / {@code case:transfer} (the sender, or the sender's agency with agency scope).
     */
    record Reach(Level cases, Level tracing, Level refer, Level transfer) {

        boolean mayViewCases() {
            return cases != Level.NONE;
        }
    }

    static final Map<String, Reach> REACH = Map.of(
            DefaultRoles.ADMINISTRATOR, new Reach(Level.NONE, Level.NONE, Level.NONE, Level.NONE),
            DefaultRoles.SUPERVISOR, new Reach(Level.AGENCY, Level.AGENCY, Level.AGENCY, Level.AGENCY),
            DefaultRoles.CASE_WORKER, new Reach(Level.OWN, Level.OWN, Level.OWN, Level.OWN),
            DefaultRoles.REFERRAL_RECIPIENT, new Reach(Level.OWN, Level.NONE, Level.NONE, Level.NONE),
            DefaultRoles.DATA_ANALYST, new Reach(Level.NONE, Level.NONE, Level.NONE, Level.NONE),
            DefaultRoles.AGENCY_ADMINISTRATOR, new Reach(Level.NONE, Level.NONE, Level.NONE, Level.NONE),
            TEAM_WORKER, new Reach(Level.GROUP, Level.GROUP, Level.NONE, Level.NONE),
            NATIONAL_VIEWER, new Reach(Level.ALL, Level.ALL, Level.NONE, Level.NONE));

    /** What a row's path names; the placeholder of the path template is the kind's lower-case name. */
    enum Kind {
        /** {case}: a case file */
        CASE,
        /** {case} and {flag}: an open flag of the case */
        FLAG,
        /** {case} and {attachment} */
        ATTACHMENT,
        /** {case}: a closed case */
        CLOSED_CASE,
        /** {task}: an open task of a case */
        TASK,
        /** {task}: an open approval task of a case */
        APPROVAL,
        /** {tracing}: a tracing request */
        TRACING,
        /** {match}: a potential match between a tracing request and a case of the same relation */
        MATCH,
        /** {referral}: an in-progress referral of a case */
        REFERRAL,
        /** {transfer}: a pending transfer of a case */
        TRANSFER,
        /** a list or search: every record of every relation is looked for in the body */
        LIST,
        /** no record: creation or a user's own summary */
        NONE;

        Level reach(Reach reach) {
            return switch (this) {
                case CASE, FLAG, ATTACHMENT, CLOSED_CASE, TASK, APPROVAL -> reach.cases();
                case TRACING -> reach.tracing() == Level.GROUP ? Level.OWN : reach.tracing();
                case MATCH -> lower(reach.cases(), reach.tracing() == Level.GROUP ? Level.OWN : reach.tracing());
                case REFERRAL -> reach.refer();
                case TRANSFER -> reach.transfer();
                case LIST, NONE -> Level.NONE;
            };
        }

        private static Level lower(Level a, Level b) {
            return a.ordinal() <= b.ordinal() ? a : b;
        }
    }

    /**
     * What one role gets: {@code own} on its own record, {@code other} on the other records inside its scope;
     * {@code everywhere}: the role lacks the action entirely and is refused (403) before the record is looked up, so
     * the answer is the same for every id, existing or not, and tells nothing.
     */
    record Cell(int own, int other, boolean everywhere) {

        static Cell parse(String text) {
            if (text.equals("-")) {
                return new Cell(NO, NO, false);
            }
            if (text.endsWith("!")) {
                int status = Integer.parseInt(text.substring(0, text.length() - 1));
                return new Cell(status, status, true);
            }
            int bar = text.indexOf('|');
            return bar < 0 ? new Cell(Integer.parseInt(text), Integer.parseInt(text), false)
                    : new Cell(Integer.parseInt(text.substring(0, bar)), Integer.parseInt(text.substring(bar + 1)),
                            false);
        }
    }

    /**
     * One endpoint.
     *
     * @param method      HTTP method
     * @param path        path template with placeholders such as {@code {case}}
     * @param kind        what the placeholders name
     * @param body        the JSON body sent, or null
     * @param writes      whether an answer inside the scope changes the record (each such call gets a fresh record)
     * @param inside      per role (order of {@link #ROLES}) the answer on records inside its scope; {@code -} where
     *                    the role reaches no record of this kind (so every call must answer 404)
     * @param viaReferral per role, the answer for a role that may view cases on a {@link Relation#RECEIVED} record
     *                    (a case referred to the user's agency reads its shared sections; referrals and transfers to
     *                    the agency are the recipient's); roles that may not view cases get 404. For lists: {@code 1}
     *                    when the agency's received records show to its case staff, {@code 0} when they must not
     */
    record Row(String method, String path, Kind kind, @Nullable String body, boolean writes, Cell[] inside,
            int[] viaReferral) {

        Cell cell(String role) {
            return inside[ROLES.indexOf(role)];
        }

        /** The status of a list or record-less call. */
        int status(String role) {
            return cell(role).own();
        }

        boolean receivedListed(String role) {
            return viaReferral[ROLES.indexOf(role)] == 1 && REACH.get(role).mayViewCases();
        }

        /** The expected answer for {@code role} on a record in {@code relation}. */
        int expected(String role, Relation relation) {
            Reach reach = REACH.get(role);
            Cell cell = cell(role);
            Level level = kind.reach(reach);
            if (cell.everywhere()) {
                return cell.own();
            }
            if (cell.own() == NO && level != Level.NONE) {
                throw new IllegalStateException(name() + ": no answer for " + role + ", which reaches " + level);
            }
            if (relation == Relation.RECEIVED && level != Level.ALL) {
                return reach.mayViewCases() ? viaReferral[ROLES.indexOf(role)] : 404;
            }
            if (!level.reaches(relation)) {
                return 404;
            }
            return relation == Relation.OWN ? cell.own() : cell.other();
        }

        String name() {
            return method + " " + path;
        }
    }

    static final int NO = -1;
    private static final List<Row> ROWS = new ArrayList<>();

    /** Reads the status columns {@code "admin sup cw rr da aa team national"} ({@link Cell#parse}). */
    private static Cell[] columns(String statuses) {
        String[] parts = statuses.trim().split("\\s+");
        if (parts.length != ROLES.size()) {
            throw new IllegalArgumentException("need " + ROLES.size() + " columns: " + statuses);
        }
        Cell[] result = new Cell[parts.length];
        for (int i = 0; i < parts.length; i++) {
            result[i] = Cell.parse(parts[i]);
        }
        return result;
    }

    /** One status for every role, or a column per role. */
    private static int[] via(String statuses) {
        String[] parts = statuses.trim().split("\\s+");
        int[] result = new int[ROLES.size()];
        for (int i = 0; i < result.length; i++) {
            String part = parts.length == 1 ? parts[0] : parts[i];
            result[i] = part.equals("-") ? 404 : Integer.parseInt(part);
        }
        return result;
    }

    private static void read(String method, String path, Kind kind, String inside, String viaReferral) {
        ROWS.add(new Row(method, path, kind, null, false, columns(inside), via(viaReferral)));
    }

    private static void write(String method, String path, Kind kind, @Nullable String body, String inside,
            String viaReferral) {
        ROWS.add(new Row(method, path, kind, body, true, columns(inside), via(viaReferral)));
    }

    /** A list: {@code received} says whether the agency's received referrals and transfers show in it. */
    private static void list(String method, String path, @Nullable String body, String statuses, boolean received) {
        ROWS.add(new Row(method, path, Kind.LIST, body, false, columns(statuses), via(received ? "1" : "0")));
    }

    private static void list(String method, String path, @Nullable String body, String statuses) {
        list(method, path, body, statuses, false);
    }

    private static void none(String method, String path, @Nullable String body, String statuses) {
        ROWS.add(new Row(method, path, Kind.NONE, body, false, columns(statuses), via("0")));
    }

    static final String EDIT = "{\"section\":\"registration\",\"data\":{\"estimated_age\":10}}";
    static final String REASON = "{\"reason\":\"Reunified with the family in the camp\",\"comment\":\"Checked on visit\","
            + "\"text\":\"Home visit done\"}";
    static final String MERGE_SELF = "{\"duplicateId\":\"{case}\",\"version\":1,\"duplicateVersion\":1,\"choices\":{}}";
    static final String TARGETS = "{\"assessmentHours\":48,\"casePlanHours\":240,\"reason\":\"The family asked for time\"}";
    static final String REFERRAL = "{\"serviceType\":\"matrix_psychosocial\",\"providerId\":\"{provider}\"}";
    static final String TRANSFER = "{\"toAgencyCode\":\"{agencyZ}\",\"note\":\"Family moved\"}";
    static final String ASSIGN = "{\"to\":\"{colleague}\",\"caseIds\":[\"{case}\"]}";
    static final String NEED = "{\"serviceType\":\"matrix_psychosocial\"}";
    static final String TRACING_EDIT = "{\"data\":{\"inquirer_name\":\"Halima Adam\"}}";
    static final String EXPORT = "{\"module\":\"child-protection\",\"fields\":[\"@caseNumber\",\"sex\"],"
            + "\"format\":\"CSV\",\"reason\":\"Quarterly case conference with the health partner\"}";
    /** Counts by agency: a role whose report scope is narrower than all must not see agency B in the result. */
    static final String REPORT = "{\"module\":\"child-protection\",\"rows\":[{\"field\":\"@agency\"}]}";

    // Columns: administrator, supervisor, case_worker, referral_recipient, data_analyst, agency_administrator,
    // team worker (case:*:group), national viewer (case:view:all). "-": reaches no such record (404 everywhere);
    // "a|b": a on the own record, b on the others inside the scope; "403!": lacks the action, refused on any id.
    // The last column of record rows is the answer on a record referred or transferred to the user's agency.
    static {
        // ---- case files (issue 6)                                                  adm  sup  cw   rr   da   aa   team nat    referred
        list("GET", "/api/v1/cases?size=100&page={page}", null,                       "200  200  200  200  200  200  200  200");
        none("POST", "/api/v1/cases", "{registration}",                               "403  201  201  403  403  403  403  403");
        read("GET", "/api/v1/cases/{case}", Kind.CASE,                                 "-    200  200  200  -    -    200  200", "200");
        write("PATCH", "/api/v1/cases/{case}", Kind.CASE, EDIT,                        "-    200  200  403  -    -    200  403", "403");
        read("GET", "/api/v1/cases/{case}/history", Kind.CASE,                         "-    200  200  200  -    -    200  200", "200");
        write("POST", "/api/v1/cases/{case}/notes", Kind.CASE, REASON,                 "-    201  201  201  -    -    201  403", "403");
        write("POST", "/api/v1/cases/{case}/flags", Kind.CASE, REASON,                 "-    201  201  201  -    -    201  403", "403");
        write("POST", "/api/v1/cases/{case}/flags/{flag}/resolve", Kind.FLAG, REASON,  "-    200  200  200  -    -    200  403", "403");
        write("POST", "/api/v1/cases/{case}/attachments", Kind.CASE, "{file}",         "-    201  201  201  -    -    201  403", "403");
        read("GET", "/api/v1/cases/{case}/attachments/{attachment}", Kind.ATTACHMENT,  "-    200  200  200  -    -    200  200", "404");
        write("POST", "/api/v1/cases/{case}/close", Kind.CASE, REASON,                 "-    200  200  403  -    -    200  403", "403");
        write("POST", "/api/v1/cases/{case}/reopen", Kind.CLOSED_CASE, REASON,         "-    200  200  403  -    -    200  403", "403");
        // merging duplicates (issue 8), asked with the case as its own duplicate: the survivor's scope and edit right
        // are checked before anything else (404 outside, 403 view-only), then the request is refused as unreadable
        // (400); the duplicate's side goes through the same gate (CaseMergeIntegrationTests)
        read("GET", "/api/v1/cases/{case}/merge?duplicateId={case}", Kind.CASE,        "-    400  400  400  -    -    400  403", "403");
        write("POST", "/api/v1/cases/{case}/merge", Kind.CASE, MERGE_SELF,             "-    400  400  400  -    -    400  403", "403");
        // ---- service level targets and tasks (issue 7)
        read("GET", "/api/v1/cases/{case}/targets", Kind.CASE,                         "-    200  200  200  -    -    200  200", "404");
        write("PUT", "/api/v1/cases/{case}/targets", Kind.CASE, TARGETS,               "-    200  403  403  -    -    403  403", "404");
        list("GET", "/api/v1/tasks?team=true", null,                                   "403  200  403  403  403  403  403  403");
        list("GET", "/api/v1/tasks", null,                                             "200  200  200  200  200  200  200  200");
        none("GET", "/api/v1/tasks/counts", null,                                      "200  200  200  200  200  200  200  200");
        read("GET", "/api/v1/cases/{case}/tasks", Kind.CASE,                           "-    200  200  200  -    -    200  200", "404");
        read("GET", "/api/v1/tasks/{task}", Kind.TASK,                                 "-    200  200  200  -    -    200  200", "404");
        write("POST", "/api/v1/tasks/{task}/complete", Kind.TASK, "{}",                "-    200  200  200  -    -    200  200", "404");
        write("POST", "/api/v1/tasks/{task}/approve", Kind.APPROVAL, "{}",             "-    200  403  403  -    -    403  403", "404");
        write("POST", "/api/v1/tasks/{task}/reject", Kind.APPROVAL, REASON,            "-    200  403  403  -    -    403  403", "404");
        // ---- tracing requests and matches (issue 8)
        list("GET", "/api/v1/tracing-requests?size=200", null,                         "200  200  200  200  200  200  200  200");
        none("POST", "/api/v1/tracing-requests", "{tracingRequest}",                   "403  201  201  403  403  403  201  403");
        read("GET", "/api/v1/tracing-requests/{tracing}", Kind.TRACING,                "-    200  200  -    -    -    200  200", "404");
        write("PATCH", "/api/v1/tracing-requests/{tracing}", Kind.TRACING, TRACING_EDIT, "-  200  200  -    -    -    200  403", "404");
        read("GET", "/api/v1/tracing-requests/{tracing}/history", Kind.TRACING,        "-    200  200  -    -    -    200  200", "404");
        read("GET", "/api/v1/tracing-requests/{tracing}/matches", Kind.TRACING,        "-    200  200  -    -    -    200  200", "404");
        read("GET", "/api/v1/cases/{case}/matches", Kind.CASE,                         "-    200  200  200  -    -    200  200", "404");
        write("POST", "/api/v1/matches/{match}/confirm", Kind.MATCH, REASON,           "-    200  200  -    -    -    200  403", "404");
        write("POST", "/api/v1/matches/{match}/reject", Kind.MATCH, REASON,            "-    200  200  -    -    -    200  403", "404");
        list("GET", "/api/v1/cases/duplicates?name={name}", null,                      "403  200  200  200  403  403  200  200");
        list("GET", "/api/v1/search/persons?q={name}&limit=100", null,                 "200  200  200  200  200  200  200  200");
        list("GET", "/api/v1/matching/duplicates?limit=500", null,                     "200  403  403  403  403  403  403  403");
        // ---- referrals, transfers, assignment (issue 9)
        list("GET", "/api/v1/referrals?box=sent", null,                                "200  200  200  200  200  200  200  200");
        list("GET", "/api/v1/referrals?box=received", null,                            "200  200  200  200  200  200  200  200", true);
        none("GET", "/api/v1/referrals/summary", null,                                 "200  200  200  200  200  200  200  200");
        write("POST", "/api/v1/cases/{case}/referrals", Kind.CASE, REFERRAL,           "-    201  201  403  -    -    403  403", "403");
        read("GET", "/api/v1/cases/{case}/referrals", Kind.CASE,                       "-    200  200  200  -    -    200  200", "403");
        write("POST", "/api/v1/cases/{case}/service-needs", Kind.CASE, NEED,           "-    201  201  201  -    -    201  403", "403");
        read("GET", "/api/v1/cases/{case}/service-needs", Kind.CASE,                   "-    200  200  200  -    -    200  200", "403");
        read("GET", "/api/v1/cases/{case}/suggestions?service=matrix_psychosocial", Kind.CASE,
                                                                                       "-    200  200  200  -    -    200  200", "403");
        read("GET", "/api/v1/referrals/{referral}", Kind.REFERRAL,                     "-    200  200  -    -    -    -    -", "200");
        write("POST", "/api/v1/referrals/{referral}/accept", Kind.REFERRAL, "{}",      "-    403  403  -    -    -    -    -", "200");
        write("POST", "/api/v1/referrals/{referral}/reject", Kind.REFERRAL, REASON,    "-    403  403  -    -    -    -    -", "200");
        write("POST", "/api/v1/referrals/{referral}/done", Kind.REFERRAL, "{}",        "-    403  403  -    -    -    -    -", "409");
        write("POST", "/api/v1/referrals/{referral}/revoke", Kind.REFERRAL, REASON,    "-    200  200  -    -    -    -    -", "403");
        write("POST", "/api/v1/cases/{case}/transfers", Kind.CASE, TRANSFER,           "-    201  201  403  -    -    403  403", "403");
        write("POST", "/api/v1/cases/{case}/transfer-requests", Kind.CASE, "{}",       "-  422|201 422 403  -    -    403  403",
                                                                                       "-    201  201  403  -    -    403  -");
        write("POST", "/api/v1/cases/{case}/assign", Kind.CASE, ASSIGN,                "403! 200 403! 403! 403! 403! 403! 403!", "403");
        write("POST", "/api/v1/cases/assign", Kind.CASE, ASSIGN,                       "403! 200 403! 403! 403! 403! 403! 403!", "403");
        list("GET", "/api/v1/transfers", null,                                         "200  200  200  200  200  200  200  200", true);
        read("GET", "/api/v1/transfers/{transfer}", Kind.TRANSFER,                     "-    200  200  -    -    -    -    -", "200");
        write("POST", "/api/v1/transfers/{transfer}/accept", Kind.TRANSFER, "{}",      "-    403  403  -    -    -    -    -", "200");
        write("POST", "/api/v1/transfers/{transfer}/reject", Kind.TRANSFER, REASON,    "-    403  403  -    -    -    -    -", "200");
        write("POST", "/api/v1/transfers/{transfer}/revoke", Kind.TRANSFER, REASON,    "-  200|403 200  -    -    -    -    -", "403");
        // ---- reports, exports, dashboard, notifications (issues 10, 7)
        list("POST", "/api/v1/reports/run", REPORT,                                    "200  200  200  403  200  403  403  403");
        list("GET", "/api/v1/reports/{report}/result", null,                           "200  200  200  403  200  403  403  403");
        list("GET", "/api/v1/reports/{report}/export?format=csv", null,                "403  200  403  403  200  403  403  403");
        list("POST", "/api/v1/exports/cases", EXPORT,                                  "403  200  403  403  403  403  403  403");
        list("GET", "/api/v1/dashboard", null,                                         "200  200  200  200  200  200  200  200");
        list("GET", "/api/v1/notifications", null,                                     "200  200  200  200  200  200  200  200", true);
    }

    static List<Row> rows() {
        return List.copyOf(ROWS);
    }

    /** The method and path pattern (placeholders as Spring names them) of every row, for the completeness check. */
    static Set<String> endpoints() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        for (Row row : ROWS) {
            String path = row.path().replaceAll("\\?.*$", "");
            endpoints.put(row.method() + " " + path, row.name());
        }
        return endpoints.keySet();
    }

    private AccessMatrix() {
    }
}
