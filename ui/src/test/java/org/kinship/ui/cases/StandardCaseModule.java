package org.kinship.ui.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.kinship.cases.IndexedFields;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormVersion;
import org.kinship.forms.LookupService;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccount;
import org.kinship.security.UserAccountService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test data for the case views: the child protection module pointed at the standard template forms,
 * published from the bundled package, and registration data as the template's examples have it.
 */
public final class StandardCaseModule {

    public static final String MODULE = "child-protection";
    public static final String PASSWORD = "Case-View-Lantern-7";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> FORMS = List.of("registration", "initial_assessment", "case_plan", "follow_up",
            "tracing", "closure");

    private StandardCaseModule() {
    }

    /** {@link #use(RecordModuleService, FormDefinitionService, LookupService)} with the context's services. */
    public static RecordModule use(org.springframework.context.ApplicationContext context) {
        return use(context.getBean(RecordModuleService.class), context.getBean(FormDefinitionService.class),
                context.getBean(LookupService.class));
    }

    /**
     * Publishes the standard forms and their lookups from the bundled template package (once) and points the
     * module's sections at them. The view tests share the application context of the other ui tests, so they
     * install what they need instead of starting another context with the standard set installed.
     */
    public static synchronized RecordModule use(RecordModuleService modules, FormDefinitionService forms,
            LookupService lookups) {
        RecordModule current = modules.find(MODULE).orElseThrow();
        JsonNode manifest = JSON.readTree(resource("package.json"));
        manifest.path("lookups").forEach(file -> {
            String json = resource(file.asString());
            if (lookups.findLookup(JSON.readTree(json).path("id").asString()).isEmpty()) {
                lookups.importLookup(json, Locale.ENGLISH);
            }
        });
        List<ModuleSection> sections = new ArrayList<>();
        for (int i = 0; i < FORMS.size(); i++) {
            String formId = FORMS.get(i);
            if (forms.latestVersion(formId).isEmpty()) {
                forms.importDefinition(resource("forms/" + formId + ".json"), "test", Locale.ENGLISH);
                forms.publish(formId, "test", Locale.ENGLISH);
            }
            FormVersion version = forms.latestVersion(formId).orElseThrow();
            sections.add(new ModuleSection(formId, formId, version.version(), i + 1, Map.of()));
        }
        if (current.registration().formId().equals("registration")
                && "estimated_age".equals(current.indexedFields().estimatedAge())
                && current.sections().stream().allMatch(s -> forms.latestVersion(s.formId()).isPresent())) {
            return current;
        }
        IndexedFields indexed = new IndexedFields(List.of("given_name", "family_name", "other_names"), "sex", "age",
                "date_of_birth", "current_location", "risk_level", "estimated_age");
        return modules.save(new RecordModule(MODULE, "case", current.name(), sections, "registration",
                current.numberPattern(), current.workflow(), indexed, current.version()));
    }

    private static String resource(String path) {
        try (InputStream in = StandardCaseModule.class.getResourceAsStream("/templates/child-protection/" + path)) {
            if (in == null) {
                throw new IllegalStateException("The bundled template file " + path + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> child(String given, String family, String sex) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("given_name", given);
        data.put("family_name", family);
        data.put("sex", sex);
        data.put("separation_status", "separated");
        return data;
    }

    /**
     * Registers a child described with the platform tests' {@link org.kinship.cases.CaseFiles} builder on the
     * standard registration form: the builder's test-form-only values (risk level, test place codes) are left out
     * and the required separation status is added.
     */
    public static org.kinship.cases.CaseFile registered(org.kinship.cases.CaseFiles builder,
            org.kinship.cases.CaseFileService cases, KinshipUser user) {
        Map<String, Object> data = new LinkedHashMap<>(builder.data());
        data.remove("risk_level");
        Object place = data.get("current_location");
        if (place != null && !String.valueOf(place).matches("(cd|nk|sk|td)(-[a-z]+)*")) {
            data.remove("current_location");
        }
        data.putIfAbsent("separation_status", "separated");
        return cases.register(user, MODULE, data, java.util.Locale.ENGLISH);
    }

    /** A user of the agency (both created when missing). */
    public static KinshipUser user(UserAccountService accounts, String username, String role, String agency) {
        if (accounts.findAgency(agency).isEmpty()) {
            accounts.createAgency(agency, agency + " agency");
        }
        UserAccount account = accounts.findByUsername(username).orElseGet(
                () -> accounts.create(username, PASSWORD, "Worker " + username, Set.of(role), agency));
        return KinshipUser.of(account);
    }

    /**
     * Signs the user in for the rest of the test (for roles the test creates itself, which {@code WithKinshipUser}
     * cannot name: it signs in before the test's setup runs); the caller clears the context when done.
     */
    public static void signIn(KinshipUser user) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(role -> new SimpleGrantedAuthority(DefaultRoles.authority(role))).toList()));
        SecurityContextHolder.setContext(context);
    }
}
