package org.kinship.templates;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The content of a template package as read from its file: the manifest, forms and lookups as their JSON
 * files, BPMN workflows and the service-level targets. {@code signedBy} is the key id of the verified
 * signature, absent for the standard set bundled with the product.
 */
public record TemplatePackage(PackageManifest manifest, List<String> forms, List<String> lookups,
        List<WorkflowFile> workflows, List<ServiceLevelTarget> serviceLevels, @Nullable String signedBy) {

    public TemplatePackage {
        forms = List.copyOf(forms);
        lookups = List.copyOf(lookups);
        workflows = List.copyOf(workflows);
        serviceLevels = List.copyOf(serviceLevels);
    }
}
