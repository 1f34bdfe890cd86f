package org.kinship.templates;

import java.util.List;
import java.util.Map;

/**
 * What to export: the forms (their latest published versions) and, besides the lookups those forms use,
 * further lookups by id.
 */
public record ExportRequest(String packageId, String version, Map<String, String> title, List<String> formIds,
        List<String> lookupIds) {

    public ExportRequest {
        title = Map.copyOf(title);
        formIds = List.copyOf(formIds);
        lookupIds = List.copyOf(lookupIds);
    }
}
