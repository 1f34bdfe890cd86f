package org.kinship.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Updates;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseAction;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.CaseRegistered;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseRequestRefusedException.Reason;
import org.kinship.cases.CaseSection;
import org.kinship.cases.CaseSectionChanged;
import org.kinship.cases.CaseStatus;
import org.kinship.cases.FieldChange;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.cases.WorkflowCommand;
import org.kinship.security.KinshipUser;
import org.kinship.shared.Ids;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.springframework.stereotype.Service;

/** Registration and section edits; notes, flags, closing and reopening are in {@link CaseFileChanges}. */
@Service
class MongoCaseFileService implements CaseFileService {

    private final MongoCaseFileRepository cases;
    private final RecordModuleService modules;
    private final CaseNumbers numbers;
    private final SectionData sectionData;
    private final CaseGate gate;
    private final CaseFileChanges changes;
    private final DocumentMapper mapper;
    private final Clock clock;

    MongoCaseFileService(MongoCaseFileRepository cases, RecordModuleService modules, CaseNumbers numbers,
            SectionData sectionData, CaseGate gate, CaseFileChanges changes, DocumentMapper mapper, Clock clock) {
        this.cases = cases;
        this.modules = modules;
        this.numbers = numbers;
        this.sectionData = sectionData;
        this.gate = gate;
        this.changes = changes;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public CaseFile register(KinshipUser user, String moduleId, Map<String, Object> data, Locale locale) {
        gate.requireCreate(user);
        RecordModule module = modules.find(moduleId).filter(m -> "case".equals(m.recordType()))
                .orElseThrow(() -> new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.module.unknown", moduleId));
        ModuleSection section = module.registration();
        Map<String, Object> clean = sectionData.validated(section, data, null, locale);
        Instant now = clock.instant();
        String id = Ids.newId();
        String risk = riskOf(module, clean, "none");
        List<FieldChange> history = new ArrayList<>();
        clean.forEach((field, value) -> history.add(gate.change(section.id() + "/" + field, null, value, user, 1)));
        WorkflowCommand command = module.workflow() == null ? null
                : new WorkflowCommand(Ids.newId(), WorkflowCommand.START_WORKFLOW, id, module.workflow(), now);
        CaseFile file;
        for (int attempt = 1; ; attempt++) {
            file = new CaseFile(id, numbers.next(module, user.agencyCode()), module.id(), CaseStatus.OPEN, risk,
                    user.id(), List.of(), List.of(), user.agencyCode(),
                    Map.of(section.id(), new CaseSection(section.formId(), section.formVersion(), clean)), now,
                    user.id(), now, user.id(), null, List.of(), List.of(), List.of(), 1);
            try {
                cases.insert(file, history, command);
                break;
            } catch (MongoWriteException e) {
                // the unique index is the last word on numbers: a taken one is skipped, never shared
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || attempt == 5) {
                    throw e;
                }
            }
        }
        gate.stored(file, new CaseRegistered(id, file.caseNumber(), module.id(), file.agencyCode(),
                command == null ? null : command.id(), 1, user.id(), now));
        return file;
    }

    @Override
    public CaseFile get(KinshipUser user, String caseId) {
        return gate.read(user, caseId, "case");
    }

    @Override
    public CaseFile editSection(KinshipUser user, String caseId, long expectedVersion, @Nullable String sectionId,
            Map<String, Object> submitted, Locale locale) {
        return gate.write(user, caseId, CaseAction.EDIT, expectedVersion, file -> {
            if (!file.isOpen()) {
                throw new CaseRequestRefusedException(Reason.CONFLICT, "cases.closed");
            }
            RecordModule module = modules.find(file.module()).orElseThrow();
            String wanted = sectionId == null ? module.registrationSection() : sectionId;
            ModuleSection section = module.section(wanted).orElseThrow(
                    () -> new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.section.unknown", wanted));
            Map<String, Object> before = file.section(wanted).map(CaseSection::data).orElse(Map.of());
            Map<String, Object> after = sectionData.validated(section, merge(before, submitted),
                    file.section(wanted).isPresent() ? before : null, locale);
            List<String> fields = FieldDiff.changedFields(before, after);
            if (fields.isEmpty()) {
                return CaseGate.Change.NONE;
            }
            long next = file.version() + 1;
            List<FieldChange> history = fields.stream()
                    .map(f -> gate.change(wanted + "/" + f, before.get(f), after.get(f), user, next)).toList();
            var update = Updates.combine(
                    Updates.set("sections." + wanted, mapper.toBsonValue(
                            new CaseSection(section.formId(), section.formVersion(), after))),
                    Updates.set("riskLevel", riskOf(module, after, file.riskLevel())),
                    Updates.set("updatedAt", java.util.Date.from(clock.instant())), Updates.set("updatedBy", user.id()));
            return new CaseGate.Change(update, history, stored -> new CaseSectionChanged(stored.id(), wanted, fields,
                    stored.version(), user.id(), stored.updatedAt()));
        });
    }

    @Override
    public List<FieldChange> history(KinshipUser user, String caseId) {
        return gate.history(user, caseId);
    }

    @Override
    public CaseFile addNote(KinshipUser user, String caseId, @Nullable Long expectedVersion, String text) {
        return changes.addNote(user, caseId, expectedVersion, text);
    }

    @Override
    public CaseFile flag(KinshipUser user, String caseId, @Nullable Long expectedVersion, String reason) {
        return changes.flag(user, caseId, expectedVersion, reason);
    }

    @Override
    public CaseFile resolveFlag(KinshipUser user, String caseId, @Nullable Long expectedVersion, String flagId,
            String comment) {
        return changes.resolveFlag(user, caseId, expectedVersion, flagId, comment);
    }

    @Override
    public CaseFile close(KinshipUser user, String caseId, @Nullable Long expectedVersion, String reason) {
        return changes.close(user, caseId, expectedVersion, reason);
    }

    @Override
    public CaseFile reopen(KinshipUser user, String caseId, @Nullable Long expectedVersion, @Nullable String reason) {
        return changes.reopen(user, caseId, expectedVersion, reason);
    }

    private static Map<String, Object> merge(Map<String, Object> before, Map<String, Object> submitted) {
        Map<String, Object> merged = new LinkedHashMap<>(before);
        submitted.forEach((field, value) -> {
            if (value == null) {
                merged.remove(field);
            } else {
                merged.put(field, value);
            }
        });
        return merged;
    }

    private static String riskOf(RecordModule module, Map<String, Object> data, String otherwise) {
        Object risk = data.get(module.indexedFields().riskLevel());
        return risk instanceof String level && !level.isBlank() ? level : otherwise;
    }
}
