package org.kinship.forms;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;

import org.kinship.forms.internal.Json;
import org.kinship.security.DefaultRoles;
import org.kinship.security.UserAccountService;
import org.kinship.testing.ApiClient;
import tools.jackson.databind.JsonNode;

/** The forms API as the tests call it: the administrator, a case worker, and the lookups the forms need. */
final class FormsApi {

    static final String ADMIN = "admin";
    static final String PASSWORD = "Kivu-Lantern-Test-42";
    static final String WORKER = "forms.worker";
    static final String WORKER_PASSWORD = "Correct-Horse-Battery-9";

    final ApiClient api;

    FormsApi(int port, UserAccountService accounts, LookupService lookups) {
        this.api = new ApiClient(port);
        if (accounts.findByUsername(WORKER).isEmpty()) {
            if (accounts.findAgency("FORMS").isEmpty()) {
                accounts.createAgency("FORMS", "Forms agency");
            }
            accounts.create(WORKER, WORKER_PASSWORD, "Forms worker", Set.of(DefaultRoles.CASE_WORKER), "FORMS");
        }
        for (Lookup lookup : FormDefinitions.lookupList()) {
            if (lookups.findLookup(lookup.id()).isEmpty()) {
                lookups.create(lookup, Locale.ENGLISH);
            }
        }
    }

    HttpResponse<String> asAdmin(String method, String path, String body, String... headers) {
        return api.send(method, path, body, ADMIN, PASSWORD, headers);
    }

    HttpResponse<String> asWorker(String method, String path, String body, String... headers) {
        return api.send(method, path, body, WORKER, WORKER_PASSWORD, headers);
    }

    static JsonNode json(HttpResponse<String> response) {
        return Json.read(response.body()).orElseThrow();
    }
}
