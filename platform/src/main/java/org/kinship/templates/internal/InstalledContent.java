package org.kinship.templates.internal;

import java.util.List;
import java.util.Map;

import org.kinship.templates.ServiceLevelTarget;
import org.kinship.templates.WorkflowFile;

/**
 * Exactly what one package version brought ({@code template_package_versions}, id {@code packageId@version},
 * never changed): the base of the next upgrade's three-way merge.
 */
record InstalledContent(String id, Map<String, String> forms, Map<String, String> lookups,
        List<WorkflowFile> workflows, List<ServiceLevelTarget> serviceLevels) {

    static String idOf(String packageId, String version) {
        return packageId + "@" + version;
    }
}
