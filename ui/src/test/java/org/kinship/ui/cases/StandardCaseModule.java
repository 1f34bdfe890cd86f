package org.kinship.ui.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kinship.cases.IndexedFields;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormVersion;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccount;
import org.kinship.security.UserAccountService;

/**
 * Test data for the case views: the child protection module pointed at the published standard template
 * forms (installed with {@code kinship.templates.install-standard-set=true}), and registration data as the
 * template's examples have it.
 */
public final class StandardCaseModule {

    public static final String MODULE = "child-protection";
    public static final String PASSWORD = "Case-View-Lantern-7";
    private static final List<String> FORMS = List.of("registration", "initial_assessment", "case_plan", "follow_up",
            "closure");

    private StandardCaseModule() {
    }

    /** Points the module's sections at the latest published standard forms (once; later calls find it done). */
    public static synchronized RecordModule use(RecordModuleService modules, FormDefinitionService forms) {
        RecordModule current = modules.find(MODULE).orElseThrow();
        if (current.registration().formId().equals("registration")) {
            return current;
        }
        List<ModuleSection> sections = new ArrayList<>();
        for (int i = 0; i < FORMS.size(); i++) {
            String formId = FORMS.get(i);
            FormVersion version = forms.latestVersion(formId).orElseThrow(
                    () -> new IllegalStateException("The standard form " + formId + " is not published"));
            sections.add(new ModuleSection(formId, formId, version.version(), i + 1, Map.of()));
        }
        IndexedFields indexed = new IndexedFields(List.of("given_name", "family_name", "other_names"), "sex", "age",
                "date_of_birth", "current_location", "risk_level");
        return modules.save(new RecordModule(MODULE, "case", current.name(), sections, "registration",
                current.numberPattern(), current.workflow(), indexed, current.version()));
    }

    public static Map<String, Object> child(String given, String family, String sex) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("given_name", given);
        data.put("family_name", family);
        data.put("sex", sex);
        data.put("separation_status", "separated");
        return data;
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
}
