package org.kinship.templates.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
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
import org.kinship.templates.WorkflowFile;
import org.kinship.workflow.ServiceLevelService;
import org.kinship.workflow.WorkflowDeploymentService;
import org.kinship.workflow.WorkflowProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stores a planned import, all or nothing. First everything is checked (merged forms and lookups, workflows), so a
 * package that cannot be applied stores nothing. Then the state the apply may change is written to the
 * {@link ApplyJournal}, and the steps run: lookups, each form (import as draft, publish), service levels,
 * workflows, and last the installation record. When a step fails, {@link ApplyRollback} puts back what the
 * journal recorded and the apply is refused naming the step; when the process dies in the middle, the next start
 * does the same ({@link ApplyRecovery}).
 */
@Component
class PackageApplier {

    private static final Logger log = LoggerFactory.getLogger(PackageApplier.class);

    /** Runs before each step (its name: {@code lookup:<id>}, {@code form:<id>}, {@code publish:<id>}, ...). */
    interface StepHook {
        void before(String step);
    }

    private final FormDefinitionService forms;
    private final LookupService lookups;
    private final MongoTemplateRepository repository;
    private final Messages messages;
    private final Clock clock;
    private final ServiceLevelService serviceLevels;
    private final WorkflowDeploymentService workflows;
    private final ApplyRollback rollback;
    private volatile StepHook hook = step -> {
    };

    PackageApplier(FormDefinitionService forms, LookupService lookups, MongoTemplateRepository repository,
            Messages messages, Clock clock, ServiceLevelService serviceLevels,
            WorkflowDeploymentService workflows, ApplyRollback rollback) {
        this.forms = forms;
        this.lookups = lookups;
        this.repository = repository;
        this.messages = messages;
        this.clock = clock;
        this.serviceLevels = serviceLevels;
        this.workflows = workflows;
        this.rollback = rollback;
    }

    /** Test seam: a hook that may throw before a step (also before {@code undo}) to stand for a failure there. */
    void hook(@Nullable StepHook newHook) {
        this.hook = newHook == null ? step -> {
        } : newHook;
    }

    /**
     * Applies the merged items; with {@code publishUnpublished} also publishes package forms that have a matching
     * draft but no published version yet (a fresh install of the bundled set over unpublished drafts).
     *
     * @throws PackageRefusedException nothing stored: the package may not be applied, another apply is running,
     *                                 or a step failed and what was applied was undone ({@code APPLY_FAILED})
     */
    void apply(TemplatePackage pkg, List<ImportPlanner.Merged> merged, String user, Locale locale,
            boolean publishUnpublished) {
        Map<String, Lookup> newLookups = new LinkedHashMap<>();
        merged.stream().filter(item -> item.type().equals("lookup"))
                .forEach(item -> newLookups.put(item.id(), PackageVerifier.readLookup(item.json())));
        checkBeforeStoring(merged, newLookups, locale);
        checkWorkflows(pkg);
        ApplyJournal journal = begin(pkg, merged, newLookups, user, publishUnpublished);
        String step = "journal";
        try {
            for (Lookup lookup : newLookups.values()) {
                hook.before(step = "lookup:" + lookup.id());
                lookups.importLookup(CanonicalJson.MAPPER.writeValueAsString(lookup), locale);
            }
            for (ImportPlanner.Merged item : merged) {
                if (item.type().equals("form")) {
                    hook.before(step = "form:" + item.id());
                    forms.importDefinition(item.json(), user, locale);
                    hook.before(step = "publish:" + item.id());
                    publishIfChanged(item.id(), item.json(), user, locale);
                }
            }
            if (publishUnpublished) {
                for (String formId : packageFormIds(pkg)) {
                    if (forms.latestVersion(formId).isEmpty()) {
                        hook.before(step = "publish:" + formId);
                        forms.publish(formId, user, locale);
                    }
                }
            }
            for (ImportPlanner.Merged item : merged) {
                if (item.type().equals("service-levels")) {
                    hook.before(step = "service-levels");
                    serviceLevels.installFromPackage(
                            ApplyRollback.levels(PackageFormat.serviceLevels(ImportPlanner.tree(item.json()))), user);
                }
            }
            if (!pkg.workflows().isEmpty()) {
                hook.before(step = "workflows");
                workflows.deployFromPackage(pkg.manifest().id(), journal.applyId(),
                        pkg.workflows().stream().map(WorkflowFile::xml).toList(), packageFormIds(pkg), user);
            }
            hook.before(step = "record");
            record(pkg, user);
        } catch (RuntimeException failure) {
            throw undone(journal, step, failure);
        }
        // if this fails the installation is recorded: the next start sees the apply completed and keeps it
        repository.endApply(journal.applyId());
    }

    /** Writes the journal: what the apply may change, as it is now. */
    private ApplyJournal begin(TemplatePackage pkg, List<ImportPlanner.Merged> merged, Map<String, Lookup> newLookups,
            String user, boolean publishUnpublished) {
        Set<String> formIds = new LinkedHashSet<>();
        merged.stream().filter(item -> item.type().equals("form")).forEach(item -> formIds.add(item.id()));
        if (publishUnpublished) {
            formIds.addAll(packageFormIds(pkg));
        }
        List<ApplyJournal.FormBefore> formsBefore = new ArrayList<>();
        for (String formId : formIds) {
            formsBefore.add(new ApplyJournal.FormBefore(formId, forms.findDraft(formId).orElse(null),
                    forms.latestVersion(formId).map(FormVersion::version).orElse(null)));
        }
        List<ApplyJournal.LookupBefore> lookupsBefore = newLookups.keySet().stream()
                .map(id -> new ApplyJournal.LookupBefore(id, lookups.findLookup(id).orElse(null))).toList();
        boolean replacesLevels = merged.stream().anyMatch(item -> item.type().equals("service-levels"));
        String id = pkg.manifest().id();
        ApplyJournal journal = new ApplyJournal(ApplyJournal.ID, UUID.randomUUID().toString(), id,
                pkg.manifest().version(), user, clock.instant(),
                repository.installation(id).map(Installation::revision).orElse(-1L), formsBefore, lookupsBefore,
                replacesLevels ? repository.serviceLevels() : null, !pkg.workflows().isEmpty());
        if (!repository.beginApply(journal)) {
            String other = repository.applyInProgress().map(ApplyJournal::packageId).orElse(id);
            throw new PackageRefusedException(Reason.APPLY_IN_PROGRESS, other);
        }
        return journal;
    }

    /** Undoes the apply after {@code failure} in {@code step}; the refusal names the step. */
    private PackageRefusedException undone(ApplyJournal journal, String step, RuntimeException failure) {
        log.warn("Applying template package {} {} failed at {}; undoing", journal.packageId(), journal.version(),
                step, failure);
        PackageRefusedException refused = new PackageRefusedException(Reason.APPLY_FAILED,
                step + ": " + failure.getClass().getSimpleName() + (failure.getMessage() == null ? ""
                        : " " + abbreviated(failure.getMessage())));
        refused.addSuppressed(failure);
        try {
            hook.before("undo");
            rollback.undo(journal);
        } catch (RuntimeException undoFailure) {
            log.error("Undoing template package {} {} failed; it is undone at the next start", journal.packageId(),
                    journal.version(), undoFailure);
            refused.addSuppressed(undoFailure);
        }
        return refused;
    }

    private static String abbreviated(String message) {
        return message.length() <= 200 ? message : message.substring(0, 200) + "…";
    }

    private static List<String> packageFormIds(TemplatePackage pkg) {
        return pkg.forms().stream().map(form -> FormSchema.parse(form).formId()).toList();
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
