package org.kinship.cases;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.kinship.security.KinshipUser;
import tools.jackson.databind.json.JsonMapper;

/** Test data builder for case files: a plausible child, changed only where a test cares. */
public final class CaseFiles {

    public static final String MODULE = "child-protection";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> data = new LinkedHashMap<>();

    private CaseFiles() {
        data.put("name_first", "Amina");
        data.put("name_last", "Bakari");
        data.put("sex", "female");
        data.put("age", 9);
        data.put("location_current", "CD-NK-GOMA");
        data.put("risk_level", "medium");
    }

    public static CaseFiles aRegisteredCase() {
        return new CaseFiles();
    }

    public CaseFiles named(String first, String last) {
        data.put("name_first", first);
        data.put("name_last", last);
        return this;
    }

    public CaseFiles aged(int years) {
        data.put("age", years);
        return this;
    }

    public CaseFiles ofSex(String sex) {
        data.put("sex", sex);
        return this;
    }

    public CaseFiles livingIn(String locationCode) {
        data.put("location_current", locationCode);
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
