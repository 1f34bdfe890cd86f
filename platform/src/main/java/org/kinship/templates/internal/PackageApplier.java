package org.kinship.templates.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.kinship.forms.DefinitionReport;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormDefinitionValidator;
import org.kinship.forms.FormSchema;
import org.kinship.forms.FormVersion;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupService;
import org.kinship.forms.NothingToPublishException;
import org.kinship.i18n.Messages;
import org.kinship.templates.PackageRefusedException;
import org.kinship.templates.PackageRefusedException.Reason;
import org.kinship.templates.TemplatePackage;
import org.kinship.templates.ServiceLevelTarget;
import org.kinship.templates.WorkflowFile;
import org.kinship.workflow.ServiceLevel;
import org.kinship.workflow.ServiceLevelService;
import org.kinship.workflow.WorkflowDeploymentService;
import org.kinship.workflow.WorkflowProblem;
import org.springframework.stereotype.Component;

/**
 * Stores a planned import: checks the merged forms and lookups first (so a merge that would not be valid
 * stores nothing), then replaces lookups, imports and publishes changed forms, stores the service levels and
 * records what this package version brought as the base of the next upgrade.
 */
@Component
class PackageApplier {

    private final FormDefinitionService forms;
    private final LookupService lookups;
    private final MongoTemplateRepository repository;
    private final Messages messages;
    private final Clock clock;
    private final ServiceLevelService serviceLevels;
    private final WorkflowDeploymentService workflows;

    PackageApplier(FormDefinitionService forms, LookupService lookups, MongoTemplateRepository repository,
            Messages messages, Clock clock, ServiceLevelService serviceLevels,
            WorkflowDeploymentService workflows) {
        this.forms = forms;
        this.lookups = lookups;
        this.repository = repository;
        this.messages = messages;
        this.clock = clock;
        this.serviceLevels = serviceLevels;
        this.workflows = workflows;
    }

    void apply(TemplatePackage pkg, List<ImportPlanner.Merged> merged, String user, Locale locale) {
        Map<String, Lookup> newLookups = new HashMap<>();
        merged.stream().filter(item -> item.type().equals("lookup"))
                .forEach(item -> newLookups.put(item.id(), PackageVerifier.readLookup(item.json())));
        checkBeforeStoring(merged, newLookups, locale);
        checkWorkflows(pkg);
        newLookups.values().forEach(lookup -> lookups.importLookup(CanonicalJson.MAPPER.writeValueAsString(lookup),
                locale));
        for (ImportPlanner.Merged item : merged) {
            if (item.type().equals("form")) {
                forms.importDefinition(item.json(), user, locale);
                publishIfChanged(item.id(), item.json(), user, locale);
            } else if (item.type().equals("service-levels")) {
                serviceLevels.installFromPackage(PackageFormat.serviceLevels(ImportPlanner.tree(item.json())).stream()
                        .map(PackageApplier::serviceLevel).toList(), user);
            }
        }
        if (!pkg.workflows().isEmpty()) {
            workflows.deployFromPackage(pkg.manifest().id(), pkg.workflows().stream().map(WorkflowFile::xml).toList(),
                    packageFormIds(pkg), user);
        }
        record(pkg, user);
    }

    /** Publishes forms whose draft already matched (e.g. a new install over an unpublished draft). */
    void publishAll(TemplatePackage pkg, String user, Locale locale) {
        for (String form : pkg.forms()) {
            String formId = FormSchema.parse(form).formId();
            if (forms.latestVersion(formId).isEmpty()) {
                forms.publish(formId, user, locale);
            }
        }
    }

    private static List<String> packageFormIds(TemplatePackage pkg) {
        return pkg.forms().stream().map(form -> FormSchema.parse(form).formId()).toList();
    }

    private static ServiceLevel serviceLevel(ServiceLevelTarget target) {
        return new ServiceLevel(target.riskLevel(), target.assessmentHours(), target.casePlanHours());
    }

    /** The package's workflows must deploy (form keys may name the package's own forms) before anything is stored. */
    private void checkWorkflows(TemplatePackage pkg) {
        if (pkg.workflows().isEmpty()) {
            return;
        }
        List<WorkflowProblem> problems = workflows.problemsOfPackage(
                pkg.workflows().stream().map(WorkflowFile::xml).toList(), packageFormIds(pkg));
        if (!problems.isEmpty()) {
            WorkflowProblem first = problems.getFirst();
            throw new PackageRefusedException(Reason.INVALID_WORKFLOW,
                    first.code() + (first.element() == null ? "" : " " + first.element()));
        }
    }

    private void checkBeforeStoring(List<ImportPlanner.Merged> merged, Map<String, Lookup> newLookups,
            Locale locale) {
        FormDefinitionValidator validator = new FormDefinitionValidator(
                id -> Optional.ofNullable(newLookups.get(id)).or(() -> lookups.findLookup(id)), messages);
        for (ImportPlanner.Merged item : merged) {
            if (item.type().equals("form")) {
                DefinitionReport report = validator.validate(item.json(), locale);
                if (!report.valid()) {
                    throw new PackageRefusedException(Reason.INVALID_FORM, item.id(), report.errors());
                }
            }
        }
        for (Lookup lookup : newLookups.values()) {
            lookups.findLookup(lookup.id()).ifPresent(current -> current.values().stream()
                    .filter(value -> lookup.value(value.value()).isEmpty())
                    .filter(value -> lookups.isInUse(lookup.id(), value.value())).findFirst()
                    .ifPresent(value -> {
                        throw new PackageRefusedException(Reason.INVALID_LOOKUP, lookup.id() + "/" + value.value());
                    }));
        }
    }

    private void publishIfChanged(String formId, String json, String user, Locale locale) {
        Optional<FormVersion> latest = forms.latestVersion(formId);
        if (latest.isPresent() && ImportPlanner.tree(latest.get().schemaJson()).equals(ImportPlanner.tree(json))) {
            return;
        }
        try {
            forms.publish(formId, user, locale);
        } catch (NothingToPublishException e) {
            // identical to the latest version after all: nothing new to publish
        }
    }

    private void record(TemplatePackage pkg, String user) {
        Map<String, String> formTexts = new LinkedHashMap<>();
        pkg.forms().forEach(form -> formTexts.put(FormSchema.parse(form).formId(), form));
        Map<String, String> lookupTexts = new LinkedHashMap<>();
        pkg.lookups().forEach(lookup -> lookupTexts.put(PackageVerifier.readLookup(lookup).id(), lookup));
        String id = pkg.manifest().id();
        repository.saveContent(new InstalledContent(InstalledContent.idOf(id, pkg.manifest().version()), formTexts,
                lookupTexts, pkg.workflows(), pkg.serviceLevels()));
        Optional<Installation> before = repository.installation(id);
        long revision = before.map(Installation::revision).orElse(-1L);
        repository.save(new Installation(id, pkg.manifest(), clock.instant(), user, pkg.signedBy(), revision + 1),
                revision);
    }
}
