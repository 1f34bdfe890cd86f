package org.kinship.cases;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.kinship.security.KinshipUser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test data builder for case files: a plausible child, changed only where a test cares. The field names are those of
 * the standard registration form; the registration form of {@link CaseForms} also takes a {@code risk_level}.
 */
public final class CaseFiles {

    public static final String MODULE = "child-protection";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> data = new LinkedHashMap<>();

    private CaseFiles() {
        data.put("given_name", "Amina");
        data.put("family_name", "Bakari");
        data.put("sex", "female");
        data.put("estimated_age", 9);
        data.put("current_location", "CD-NK-GOMA");
        data.put("risk_level", "medium");
    }

    public static CaseFiles aRegisteredCase() {
        return new CaseFiles();
    }

    public CaseFiles named(String first, String last) {
        data.put("given_name", first);
        data.put("family_name", last);
        return this;
    }

    public CaseFiles aged(int years) {
        data.put("estimated_age", years);
        return this;
    }

    public CaseFiles ofSex(String sex) {
        data.put("sex", sex);
        return this;
    }

    public CaseFiles livingIn(String locationCode) {
        data.put("current_location", locationCode);
        return this;
    }

    public CaseFiles atRisk(String level) {
        data.put("risk_level", level);
        return this;
    }

    public CaseFiles with(String field, Object value) {
        data.put(field, value);
        return this;
    }

    public Map<String, Object> data() {
        return new LinkedHashMap<>(data);
    }

    /** The body of {@code POST /api/v1/cases}. */
    public String json() {
        return JSON.writeValueAsString(Map.of("module", MODULE, "data", data));
    }

    /** Registers through the service, as {@code user}. */
    public CaseFile registeredBy(CaseFileService cases, KinshipUser user) {
        return cases.register(user, MODULE, data(), Locale.ENGLISH);
    }
}
