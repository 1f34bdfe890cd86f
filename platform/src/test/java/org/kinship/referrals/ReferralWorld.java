package org.kinship.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.kinship.cases.CaseFiles;
import org.kinship.cases.CaseTestUsers;
import org.kinship.consent.ConsentDecision;
import org.kinship.consent.ConsentPurpose;
import org.kinship.consent.ConsentService;
import org.kinship.consent.DataProtectionWishes;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.ApiClient;
import org.kinship.testing.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test data for referral tests over the API: agencies with unique codes, users, service types, providers,
 * referral types, registered cases and their consent.
 */
public final class ReferralWorld {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String PASSWORD = CaseTestUsers.PASSWORD;
    private static final AtomicInteger AGENCIES = new AtomicInteger();

    public final ApiClient api;
    public final CaseTestUsers users;
    public final ConsentService consent;

    public ReferralWorld(int port, UserAccountService accounts, ConsentService consent,
            org.springframework.context.ApplicationContext context) {
        org.kinship.cases.CaseForms.publish(context);
        this.api = new ApiClient(port);
        this.users = new CaseTestUsers(accounts);
        this.consent = consent;
    }

    /** A fresh agency code for one test. */
    public static String agency(String prefix) {
        return prefix + AGENCIES.incrementAndGet();
    }

    /** Adds the service type unless an earlier test did. */
    public void serviceType(String code) {
        HttpResponse<String> added = asAdmin("POST", "/api/v1/services",
                json(Map.of("code", code, "label", Map.of("en", code, "fr", code))));
        assertThat(added.statusCode()).as(added.body()).isIn(201, 409);
    }

    public void referralType(String id, List<String> sections) {
        HttpResponse<String> saved = asAdmin("PUT", "/api/v1/referral-types/" + id,
                json(Map.of("label", Map.of("en", id), "sectionIds", sections, "version", currentTypeVersion(id))));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    private long currentTypeVersion(String id) {
        for (JsonNode type : read(api.get("/api/v1/referral-types", PlatformIntegrationTest.ADMIN,
                PlatformIntegrationTest.ADMIN_PASSWORD))) {
            if (type.path("id").asString().equals(id)) {
                return type.path("version").asLong();
            }
        }
        return 0;
    }

    /** A provider of {@code agency} offering {@code services} in {@code locations}; answers its id. */
    public String provider(String name, String agency, List<String> services, List<String> locations,
            Map<String, Object> more) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("name", name, "agencyCode", agency,
                "services", services, "locations", locations, "responseHours", 48));
        body.putAll(more);
        HttpResponse<String> created = asAdmin("POST", "/api/v1/providers", json(body));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return read(created).path("id").asString();
    }

    public String registerCase(KinshipUser worker, CaseFiles child) {
        HttpResponse<String> registered = api.post("/api/v1/cases", child.json(), worker.username(), PASSWORD);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return read(registered).path("id").asString();
    }

    public void consentTo(KinshipUser worker, String caseId, ConsentPurpose... purposes) {
        Map<ConsentPurpose, ConsentDecision> decisions = new java.util.EnumMap<>(ConsentPurpose.class);
        for (ConsentPurpose purpose : purposes) {
            decisions.put(purpose, ConsentDecision.GIVEN);
        }
        long version = consent.find(caseId).map(r -> r.version()).orElse(0L);
        consent.record(worker, caseId, decisions, DataProtectionWishes.NONE, version);
    }

    public HttpResponse<String> post(KinshipUser user, String path, Object body) {
        return api.post(path, json(body), user.username(), PASSWORD);
    }

    public HttpResponse<String> get(KinshipUser user, String path) {
        return api.get(path, user.username(), PASSWORD);
    }

    public HttpResponse<String> asAdmin(String method, String path, String body) {
        return api.send(method, path, body, PlatformIntegrationTest.ADMIN, PlatformIntegrationTest.ADMIN_PASSWORD);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static JsonNode read(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
