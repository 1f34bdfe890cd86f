package org.kinship.templates.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormDiff;
import org.kinship.forms.FormSchema;
import org.kinship.forms.LookupService;
import org.kinship.templates.ImportPlan;
import org.kinship.templates.InstalledPackage;
import org.kinship.templates.LookupDiff;
import org.kinship.templates.MergeConflict;
import org.kinship.templates.Resolution;
import org.kinship.templates.ServiceLevelTarget;
import org.kinship.templates.TemplatePackage;
import org.kinship.templates.UnresolvedConflictsException;
import org.springframework.stereotype.Component;

/** Verify, plan, apply; and what is installed with its local adaptations. */
@Component
public class PackageImporter {

    private final PackageVerifier verifier;
    private final ImportPlanner planner;
    private final PackageApplier applier;
    private final MongoTemplateRepository repository;
    private final FormDefinitionService forms;
    private final LookupService lookups;

    PackageImporter(PackageVerifier verifier, ImportPlanner planner, PackageApplier applier,
            MongoTemplateRepository repository, FormDefinitionService forms, LookupService lookups) {
        this.lookups = lookups;
        this.verifier = verifier;
        this.planner = planner;
        this.applier = applier;
        this.repository = repository;
        this.forms = forms;
    }

    public ImportPlan preview(String file, Locale locale) {
        return planner.plan(verifier.verify(file, locale), Map.of()).plan();
    }

    public ImportPlan apply(String file, Map<String, Resolution> resolutions, String user, Locale locale) {
        return apply(verifier.verify(file, locale), resolutions, user, locale, false);
    }

    /** The bundled standard set: shipped inside the product, so checked but not signed. */
    public ImportPlan installBundled(TemplatePackage pkg, String user, Locale locale) {
        verifier.checkContent(pkg, locale);
        return apply(pkg, Map.of(), user, locale, true);
    }

    public Optional<String> installedVersion(String packageId) {
        return repository.installation(packageId).map(installation -> installation.manifest().version());
    }

    private ImportPlan apply(TemplatePackage pkg, Map<String, Resolution> resolutions, String user, Locale locale,
            boolean publishUnpublished) {
        ImportPlanner.Plan plan = planner.plan(pkg, resolutions);
        List<MergeConflict> unresolved = plan.plan().conflicts().stream()
                .filter(conflict -> !resolutions.containsKey(conflict.key())).toList();
        if (!unresolved.isEmpty()) {
            throw new UnresolvedConflictsException(plan.plan(), unresolved);
        }
        applier.apply(pkg, plan.merged(), user, locale, publishUnpublished);
        ImportPlan done = plan.plan();
        return new ImportPlan(done.manifest(), done.installedVersion(), done.changes(), true);
    }

    public List<InstalledPackage> installed() {
        List<InstalledPackage> installed = new ArrayList<>();
        for (Installation installation : repository.installations()) {
            InstalledContent content = repository.content(installation.id(), installation.manifest().version())
                    .orElseThrow();
            List<InstalledPackage.LocalAdaptation> adaptations = new ArrayList<>();
            content.forms().forEach((formId, upstream) -> forms.findDraft(formId).ifPresent(draft -> {
                FormDiff diff = FormDiff.between(FormSchema.parse(upstream), draft.schema());
                if (!diff.isEmpty()) {
                    adaptations.add(new InstalledPackage.LocalAdaptation(formId, diff));
                }
            }));
            List<InstalledPackage.LookupAdaptation> lookupAdaptations = new ArrayList<>();
            content.lookups().forEach((lookupId, upstream) -> lookups.findLookup(lookupId).ifPresent(stored -> {
                LookupDiff diff = LookupDiff.between(PackageVerifier.readLookup(upstream), stored);
                if (!diff.isEmpty()) {
                    lookupAdaptations.add(new InstalledPackage.LookupAdaptation(lookupId, diff));
                }
            }));
            installed.add(new InstalledPackage(installation.manifest(), installation.installedAt(),
                    installation.installedBy(), installation.signedBy(), List.copyOf(content.forms().keySet()),
                    List.copyOf(content.lookups().keySet()), adaptations, lookupAdaptations));
        }
        return installed;
    }

    public List<ServiceLevelTarget> serviceLevels() {
        return repository.serviceLevels();
    }
}
