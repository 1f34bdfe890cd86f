package org.kinship.cases;

import java.util.LinkedHashMap;
import java.util.Map;

/** The data of one section of a case file and the published form version it was last filled with. */
public record CaseSection(String formId, int formVersion, Map<String, Object> data) {

    public CaseSection {
        data = new LinkedHashMap<>(data);
    }
}
