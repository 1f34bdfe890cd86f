package org.kinship.templates.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormDraft;
import org.kinship.forms.LookupService;
import org.kinship.templates.ServiceLevelTarget;
import org.kinship.workflow.ServiceLevel;
import org.kinship.workflow.ServiceLevelService;
import org.kinship.workflow.WorkflowDeploymentService;
import org.springframework.stereotype.Component;

/**
 * Undoes an apply from its {@link ApplyJournal}: workflow deployments tagged with the apply are removed, the
 * service levels, lookups and form drafts are put back as they were, and the form versions published since are
 * withdrawn (the previous version is the latest again; data filled with a withdrawn version keeps it). Every step
 * compares with what is stored first, so undoing twice (a crash while undoing) does no harm.
 */
@Component
class ApplyRollback {

    private final FormDefinitionService forms;
    private final LookupService lookups;
    private final ServiceLevelService serviceLevels;
    private final WorkflowDeploymentService workflows;
    private final MongoTemplateRepository repository;

    ApplyRollback(FormDefinitionService forms, LookupService lookups, ServiceLevelService serviceLevels,
            WorkflowDeploymentService workflows, MongoTemplateRepository repository) {
        this.forms = forms;
        this.lookups = lookups;
        this.serviceLevels = serviceLevels;
        this.workflows = workflows;
        this.repository = repository;
    }

    /** True when the apply was recorded (its installation written): it completed and is kept. */
    boolean completed(ApplyJournal journal) {
        return repository.installation(journal.packageId())
                .filter(installation -> installation.revision() > journal.installationRevision()
                        && installation.manifest().version().equals(journal.version()))
                .isPresent();
    }

    /** Puts back everything the journal lists, then ends the apply. */
    void undo(ApplyJournal journal) {
        if (journal.workflows()) {
            workflows.withdrawPackageDeployments(journal.applyId());
        }
        if (journal.serviceLevels() != null && !journal.serviceLevels().equals(repository.serviceLevels())) {
            serviceLevels.restoreAfterFailedPackage(levels(journal.serviceLevels()), journal.startedBy());
        }
        for (ApplyJournal.FormBefore form : journal.forms()) {
            forms.withdrawAfter(form.formId(), form.latestVersion());
            Optional<FormDraft> now = forms.findDraft(form.formId());
            String before = form.draft() == null ? null : form.draft().schemaJson();
            if (!Objects.equals(before, now.map(FormDraft::schemaJson).orElse(null))) {
                forms.restoreDraft(form.formId(), form.draft());
            }
        }
        for (ApplyJournal.LookupBefore lookup : journal.lookups()) {
            var now = lookups.findLookup(lookup.id()).map(ImportPlanner::lookupTree);
            var before = Optional.ofNullable(lookup.lookup()).map(ImportPlanner::lookupTree);
            if (!before.equals(now)) {
                lookups.restore(lookup.id(), lookup.lookup());
            }
        }
        repository.endApply(journal.applyId());
    }

    static List<ServiceLevel> levels(List<ServiceLevelTarget> targets) {
        return targets.stream().map(target -> new ServiceLevel(target.riskLevel(), target.assessmentHours(),
                target.casePlanHours())).toList();
    }
}
