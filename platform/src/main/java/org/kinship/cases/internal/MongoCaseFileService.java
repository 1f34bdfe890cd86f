package org.kinship.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Updates;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseAction;
import org.kinship.cases.CaseEvent;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.CaseRegistered;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseRequestRefusedException.Reason;
import org.kinship.cases.CaseSection;
import org.kinship.cases.CaseSectionChanged;
import org.kinship.cases.CaseStatus;
import org.kinship.cases.CaseVersionConflictException;
import org.kinship.cases.CaseView;
import org.kinship.cases.FieldChange;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.cases.SectionAccess;
import org.kinship.cases.WorkflowCommand;
import org.kinship.forms.FormVersionRef;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserGroup;
import org.kinship.security.UserGroupService;
import org.kinship.shared.Ids;
import org.springframework.stereotype.Service;

/**
 * Registration and section edits; notes, flags, closing and reopening are in {@link CaseFileChanges}. Section data
 * is validated against the section's published form version ({@link SectionForms}), its sensitive values are
 * encrypted before they are stored ({@link CaseCrypto}), and every case answered is the user's view of it
 * ({@link CaseViews}).
 */
@Service
class MongoCaseFileService implements CaseFileService {

    private final MongoCaseFileRepository cases;
    private final RecordModuleService modules;
    private final CaseNumbers numbers;
    private final SectionData sectionData;
    private final SectionForms forms;
    private final CaseCrypto crypto;
    private final CaseViews views;
    private final CaseGate gate;
    private final CaseFileChanges changes;
    private final SectionEdits edits;
    private final UserGroupService groups;
    private final Clock clock;

    MongoCaseFileService(MongoCaseFileRepository cases, RecordModuleService modules, CaseNumbers numbers,
            SectionData sectionData, SectionForms forms, CaseCrypto crypto, CaseViews views, CaseGate gate,
            CaseFileChanges changes, SectionEdits edits, UserGroupService groups, Clock clock) {
        this.cases = cases;
        this.modules = modules;
        this.numbers = numbers;
        this.sectionData = sectionData;
        this.forms = forms;
        this.crypto = crypto;
        this.views = views;
        this.gate = gate;
        this.changes = changes;
        this.edits = edits;
        this.groups = groups;
        this.clock = clock;
    }

    @Override
    public CaseFile register(KinshipUser user, String moduleId, Map<String, Object> data, Locale locale) {
        Registration registration = prepare(user, moduleId, data, locale);
        CaseFile file;
        for (int attempt = 1; ; attempt++) {
            file = registration.numbered(numbers.next(registration.module(), user.agencyCode()));
            try {
                cases.insert(file, registration.history(), registration.command());
                break;
            } catch (MongoWriteException e) {
                // the unique index is the last word on numbers: a taken one is skipped, never shared
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || attempt == 5) {
                    throw e;
                }
            }
        }
        WorkflowCommand command = registration.command();
        gate.stored(file, new CaseRegistered(file.id(), file.caseNumber(), file.module(), file.agencyCode(),
                command == null ? null : command.id(), 1, user.id(), file.registeredAt()));
        return views.file(user, file);
    }

    /**
     * A registration checked and built as it will be stored (validated, sensitive values sealed, history and
     * workflow command made), still without its case number.
     */
    record Registration(RecordModule module, CaseFile draft, List<FieldChange> history,
            @Nullable WorkflowCommand command) {

        CaseFile numbered(String caseNumber) {
            CaseFile d = draft;
            return new CaseFile(d.id(), caseNumber, d.module(), d.status(), d.riskLevel(), d.ownerId(),
                    d.assignedIds(), d.groupIds(), d.agencyCode(), d.sections(), d.registeredAt(), d.registeredBy(),
                    d.updatedAt(), d.updatedBy(), d.closure(), d.notes(), d.flags(), d.attachments(), d.version());
        }
    }

    /** Everything {@link #register} checks and builds before the number is drawn and the case inserted. */
    Registration prepare(KinshipUser user, String moduleId, Map<String, Object> data, Locale locale) {
        return prepare(registering(user, moduleId), data, locale);
    }

    /**
     * Who registers in which module, checked (may create cases, may edit the registration section) and resolved
     * (the section's form version, its sensitive fields, the user's teams): the part of a registration that does
     * not depend on its data.
     */
    record Registering(KinshipUser user, RecordModule module, ModuleSection section, FormVersionRef form,
            Set<String> sensitive, List<String> groupIds) {
    }

    Registering registering(KinshipUser user, String moduleId) {
        gate.requireCreate(user);
        RecordModule module = modules.find(moduleId).filter(m -> "case".equals(m.recordType()))
                .orElseThrow(() -> new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.module.unknown", moduleId));
        ModuleSection section = module.registration();
        SectionAccess access = CaseViews.granted(user, section);
        if (!access.canEdit()) {
            throw views.refuseEdit(user, null, section, access);
        }
        FormVersionRef form = forms.require(section);
        // the registering worker's teams share the case (group scope), whichever agency each member is in
        List<String> groupIds = groups.groupsOf(user.id()).stream().map(UserGroup::id).sorted().toList();
        return new Registering(user, module, section, form, forms.sensitiveFields(form), groupIds);
    }

    /** The registration of {@code data} as it will be stored: validated, sensitive values sealed, history made. */
    Registration prepare(Registering registering, Map<String, Object> data, Locale locale) {
        KinshipUser user = registering.user();
        RecordModule module = registering.module();
        ModuleSection section = registering.section();
        FormVersionRef form = registering.form();
        Map<String, Object> clean = sectionData.validated(SectionEdits.pinned(section, form), data, null, locale);
        Set<String> sensitive = registering.sensitive();
        Instant now = clock.instant();
        String id = Ids.newId();
        String risk = SectionEdits.riskOf(module, clean, "none");
        List<FieldChange> history = new ArrayList<>();
        clean.forEach((field, value) -> history.add(crypto.seal(id,
                gate.change(section.id() + "/" + field, null, value, user, 1), sensitive.contains(field))));
        CaseSection stored = new CaseSection(form.formId(), form.version(),
                crypto.seal(id, section.id(), clean, sensitive));
        WorkflowCommand command = module.workflow() == null ? null
                : new WorkflowCommand(Ids.newId(), WorkflowCommand.START_WORKFLOW, id, module.workflow(), now);
        CaseFile draft = new CaseFile(id, "", module.id(), CaseStatus.OPEN, risk, user.id(), List.of(),
                registering.groupIds(), user.agencyCode(), Map.of(section.id(), stored), now, user.id(), now, user.id(),
                null, List.of(), List.of(), List.of(), 1);
        return new Registration(module, draft, history, command);
    }

    @Override
    public CaseFile get(KinshipUser user, String caseId) {
        return views.file(user, gate.read(user, caseId, "case"));
    }

    @Override
    public CaseView view(KinshipUser user, String caseId) {
        return views.view(user, gate.read(user, caseId, "case"));
    }

    @Override
    public CaseFile editSection(KinshipUser user, String caseId, long expectedVersion, @Nullable String sectionId,
            Map<String, Object> submitted, Locale locale) {
        return viewed(user, caseId, () -> gate.write(user, caseId, CaseAction.EDIT, expectedVersion, file -> {
            if (!file.isOpen()) {
                throw new CaseRequestRefusedException(Reason.CONFLICT, "cases.closed");
            }
            return edits.edit(user, file, sectionId, submitted, file.riskLevel(), file.version() + 1, locale)
                    .map(edit -> new CaseGate.Change(Updates.combine(edit.update(),
                            Updates.set("updatedAt", java.util.Date.from(clock.instant())),
                            Updates.set("updatedBy", user.id())), edit.history(),
                            written -> (CaseEvent) new CaseSectionChanged(written.id(), edit.section(), edit.fields(),
                                    written.version(), user.id(), written.updatedAt())))
                    .orElse(CaseGate.Change.NONE);
        }));
    }

    @Override
    public List<FieldChange> history(KinshipUser user, String caseId) {
        CaseFile file = gate.read(user, caseId, "history");
        return views.history(user, file, gate.history(user, file));
    }

    @Override
    public CaseFile addNote(KinshipUser user, String caseId, @Nullable Long expectedVersion, String text) {
        return viewed(user, caseId, () -> changes.addNote(user, caseId, expectedVersion, text));
    }

    @Override
    public CaseFile flag(KinshipUser user, String caseId, @Nullable Long expectedVersion, String reason) {
        return viewed(user, caseId, () -> changes.flag(user, caseId, expectedVersion, reason));
    }

    @Override
    public CaseFile resolveFlag(KinshipUser user, String caseId, @Nullable Long expectedVersion, String flagId,
            String comment) {
        return viewed(user, caseId, () -> changes.resolveFlag(user, caseId, expectedVersion, flagId, comment));
    }

    @Override
    public CaseFile close(KinshipUser user, String caseId, @Nullable Long expectedVersion, String reason) {
        return viewed(user, caseId, () -> changes.close(user, caseId, expectedVersion, reason));
    }

    @Override
    public CaseFile reopen(KinshipUser user, String caseId, @Nullable Long expectedVersion, @Nullable String reason) {
        return viewed(user, caseId, () -> changes.reopen(user, caseId, expectedVersion, reason));
    }

    /**
     * A write answered as the user's view of the stored case; a version conflict names only the changed paths the
     * user may know about.
     */
    private CaseFile viewed(KinshipUser user, String caseId, Supplier<CaseFile> write) {
        try {
            return views.file(user, write.get());
        } catch (CaseVersionConflictException e) {
            CaseFile current = gate.visible(user, caseId);
            throw new CaseVersionConflictException(caseId, e.expectedVersion(), e.currentVersion(),
                    views.visiblePaths(user, current, e.changedPaths()));
        }
    }
}
