package org.kinship.templates.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormField;
import org.kinship.forms.FormNotFoundException;
import org.kinship.forms.FormVersion;
import org.kinship.forms.LookupService;
import org.kinship.templates.ExportRequest;
import org.kinship.templates.PackageManifest;
import org.kinship.templates.TemplatePackage;
import org.kinship.templates.TemplateSettings;
import org.springframework.stereotype.Component;

/** Builds and signs a package of this instance's published forms, the lookups they use and the service levels. */
@Component
public class PackageExporter {

    private final FormDefinitionService forms;
    private final LookupService lookups;
    private final MongoTemplateRepository repository;
    private final InstanceKey key;
    private final TemplateSettings settings;

    PackageExporter(FormDefinitionService forms, LookupService lookups, MongoTemplateRepository repository,
            InstanceKey key, TemplateSettings settings) {
        this.forms = forms;
        this.lookups = lookups;
        this.repository = repository;
        this.key = key;
        this.settings = settings;
    }

    public String export(ExportRequest request) {
        List<String> formFiles = new ArrayList<>();
        Set<String> lookupIds = new LinkedHashSet<>();
        for (String formId : request.formIds()) {
            FormVersion latest = forms.latestVersion(formId)
                    .orElseThrow(() -> new FormNotFoundException(formId, null));
            formFiles.add(latest.schemaJson());
            latest.schema().allFields().values().stream().map(FormField::valueLookup)
                    .filter(java.util.Objects::nonNull).forEach(lookupIds::add);
        }
        lookupIds.addAll(request.lookupIds());
        List<String> lookupFiles = lookupIds.stream().map(lookups::findLookup).flatMap(java.util.Optional::stream)
                .map(lookup -> CanonicalJson.MAPPER.writeValueAsString(ImportPlanner.lookupTree(lookup))).toList();
        PackageManifest manifest = new PackageManifest(request.packageId(), request.version(), settings.publisher(),
                KinshipVersion.CURRENT, request.title());
        return PackageFormat.write(new TemplatePackage(manifest, formFiles, lookupFiles, List.of(),
                repository.serviceLevels(), null), key);
    }
}
