package org.kinship.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.mongodb.client.model.Updates;
import org.bson.conversions.Bson;
import org.kinship.cases.CaseAction;
import org.kinship.cases.CaseClosed;
import org.kinship.cases.CaseClosure;
import org.kinship.cases.CaseEvent;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseMergeParticipant;
import org.kinship.cases.CaseMergeService;
import org.kinship.cases.CaseMerged;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseRequestRefusedException.Reason;
import org.kinship.cases.CaseSection;
import org.kinship.cases.CaseSectionChanged;
import org.kinship.cases.CaseStatus;
import org.kinship.cases.CaseVersionConflictException;
import org.kinship.cases.FieldChange;
import org.kinship.cases.FieldProblem;
import org.kinship.cases.InvalidCaseDataException;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.consent.ConsentService;
import org.kinship.i18n.Messages;
import org.kinship.security.KinshipUser;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Merges duplicates in two conditional single-document writes, the duplicate's closing first: when the survivor's
 * write is then refused (someone changed it in between), the duplicate's write is taken back (same version, its
 * history entries removed) before the refusal is answered, so nothing half-written stays. Events, the index and
 * the participants only hear of the merge once both writes are stored.
 */
@Service
class MongoCaseMergeService implements CaseMergeService {

    private static final Logger LOG = LoggerFactory.getLogger(MongoCaseMergeService.class);

    private final MongoCaseFileRepository cases;
    private final RecordModuleService modules;
    private final CaseGate gate;
    private final CaseViews views;
    private final SectionEdits edits;
    private final ConsentService consent;
    private final List<CaseMergeParticipant> participants;
    private final DocumentMapper mapper;
    private final Messages messages;
    private final Clock clock;

    MongoCaseMergeService(MongoCaseFileRepository cases, RecordModuleService modules, CaseGate gate, CaseViews views,
            SectionEdits edits, ConsentService consent, List<CaseMergeParticipant> participants, DocumentMapper mapper,
            Messages messages, Clock clock) {
        this.cases = cases;
        this.modules = modules;
        this.gate = gate;
        this.views = views;
        this.edits = edits;
        this.consent = consent;
        this.participants = List.copyOf(participants);
        this.mapper = mapper;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public MergePreview preview(KinshipUser user, String caseId, String duplicateId) {
        Pair pair = pair(user, caseId, duplicateId);
        gate.read(user, caseId, "merge");
        gate.read(user, duplicateId, "merge");
        return new MergePreview(caseId, pair.survivor().caseNumber(), pair.survivor().version(), duplicateId,
                pair.duplicate().caseNumber(), pair.duplicate().version(), differences(user, pair),
                carried(pair.survivor().notes(), pair.duplicate().notes(), n -> n.id()).size(),
                carried(pair.survivor().flags(), pair.duplicate().flags(), f -> f.id()).size(),
                carried(pair.survivor().attachments(), pair.duplicate().attachments(), a -> a.id()).size());
    }

    @Override
    public CaseFile merge(KinshipUser user, String caseId, MergeRequest request, Locale locale) {
        Pair pair = pair(user, caseId, request.duplicateId());
        CaseFile survivor = pair.survivor();
        CaseFile duplicate = pair.duplicate();
        if (survivor.version() != request.version()) {
            throw cases.conflict(caseId, request.version());
        }
        if (duplicate.version() != request.duplicateVersion()) {
            throw cases.conflict(duplicate.id(), request.duplicateVersion());
        }
        List<MergeField> differing = differences(user, pair);
        requireChoices(differing, request.choices(), locale);

        // the survivor's change: chosen values section by section through the section-edit path, then what is carried
        long next = survivor.version() + 1;
        Map<String, Map<String, Object>> taken = new LinkedHashMap<>();
        for (MergeField field : differing) {
            if (request.choices().get(field.path()) == Side.DUPLICATE) {
                taken.computeIfAbsent(field.section(), s -> new LinkedHashMap<>()).put(field.field(),
                        field.duplicateValue());
            }
        }
        List<Bson> updates = new ArrayList<>();
        List<FieldChange> history = new ArrayList<>();
        List<SectionEdits.Edit> sectionEdits = new ArrayList<>();
        String risk = survivor.riskLevel();
        for (Map.Entry<String, Map<String, Object>> section : taken.entrySet()) {
            Optional<SectionEdits.Edit> edit = edits.edit(user, survivor, section.getKey(), section.getValue(), risk,
                    next, locale);
            if (edit.isPresent()) {
                sectionEdits.add(edit.get());
                updates.add(edit.get().update());
                history.addAll(edit.get().history());
                risk = edit.get().riskLevel();
            }
        }
        carry(user, next, "notes", carried(survivor.notes(), duplicate.notes(), n -> n.id()), n -> n.id(),
                n -> n.text(), updates, history);
        carry(user, next, "flags", carried(survivor.flags(), duplicate.flags(), f -> f.id()), f -> f.id(),
                f -> f.reason(), updates, history);
        carry(user, next, "attachments", carried(survivor.attachments(), duplicate.attachments(), a -> a.id()),
                a -> a.id(), a -> a.fileName(), updates, history);
        history.add(gate.change("links/merged_from/" + duplicate.id(), null, duplicate.caseNumber(), user, next));
        updates.add(touched(user));

        // the duplicate's change: closed, with the link to the survivor
        long duplicateNext = duplicate.version() + 1;
        String reason = request.reason() == null || request.reason().isBlank()
                ? messages.get(locale, "cases.merge.closureReason", survivor.caseNumber()) : request.reason().strip();
        if (reason.length() > 10_000) {
            throw new CaseRequestRefusedException(Reason.TOO_LARGE, "cases.textTooLong", 10_000);
        }
        CaseClosure closure = new CaseClosure(reason, clock.instant(), user.id());
        List<FieldChange> closing = List.of(
                gate.change("status", CaseStatus.OPEN.name(), CaseStatus.CLOSED.name(), user, duplicateNext),
                gate.change("closure/reason", null, reason, user, duplicateNext),
                gate.change("links/merged_into/" + survivor.id(), null, survivor.caseNumber(), user, duplicateNext));

        CaseFile closed = cases.update(duplicate.id(), duplicate.version(),
                Updates.combine(Updates.set("status", CaseStatus.CLOSED.name()),
                        Updates.set("closure", mapper.toBsonValue(closure)), touched(user)), closing);
        CaseFile merged;
        try {
            merged = cases.update(caseId, survivor.version(), Updates.combine(updates), history);
        } catch (RuntimeException e) {
            boolean reverted = cases.revert(duplicate.id(), duplicateNext, Updates.combine(
                    Updates.set("status", CaseStatus.OPEN.name()), Updates.set("closure", null),
                    Updates.set("updatedAt", Date.from(duplicate.updatedAt())),
                    Updates.set("updatedBy", duplicate.updatedBy())));
            if (!reverted) {
                LOG.error("Merge of case {} into {} failed and the closing of {} could not be taken back",
                        duplicate.id(), caseId, duplicate.id());
            }
            throw e;
        }

        Instant at = merged.updatedAt();
        gate.stored(closed, new CaseClosed(closed.id(), closed.version(), user.id(), closure.closedAt()));
        List<CaseEvent> events = new ArrayList<>();
        sectionEdits.forEach(edit -> events.add(new CaseSectionChanged(caseId, edit.section(), edit.fields(),
                merged.version(), user.id(), at)));
        events.add(new CaseMerged(caseId, duplicate.id(), sectionEdits.stream().map(SectionEdits.Edit::section).toList(),
                merged.version(), user.id(), at));
        gate.stored(merged, events.toArray(CaseEvent[]::new));
        consent.carryOver(user, duplicate.id(), caseId);
        for (CaseMergeParticipant participant : participants) {
            try {
                participant.merged(user, merged, closed);
            } catch (RuntimeException e) {
                LOG.error("{} could not follow the merge of case {} into {}", participant.getClass().getSimpleName(),
                        duplicate.id(), caseId, e);
            }
        }
        return views.file(user, merged);
    }

    private record Pair(CaseFile survivor, CaseFile duplicate, RecordModule module) {
    }

    /** Both cases, when the user may merge them (scope first: a case outside it is not found). */
    private Pair pair(KinshipUser user, String caseId, String duplicateId) {
        if (duplicateId == null || duplicateId.isBlank()) {
            throw new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.unreadable");
        }
        CaseFile survivor = gate.allowed(user, caseId, CaseAction.EDIT);
        if (caseId.equals(duplicateId)) {
            throw new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.merge.sameCase");
        }
        CaseFile duplicate = gate.allowed(user, duplicateId, CaseAction.CLOSE);
        if (!survivor.module().equals(duplicate.module())) {
            throw new CaseRequestRefusedException(Reason.CONFLICT, "cases.merge.otherModule");
        }
        if (!survivor.isOpen() || !duplicate.isOpen()) {
            throw new CaseRequestRefusedException(Reason.CONFLICT, "cases.merge.closed");
        }
        RecordModule module = modules.find(survivor.module())
                .orElseThrow(() -> new CaseRequestRefusedException(Reason.CONFLICT, "cases.module.unknown",
                        survivor.module()));
        return new Pair(survivor, duplicate, module);
    }

    /** Differing fields of the sections the user may edit on the survivor, compared as the user sees both cases. */
    private List<MergeField> differences(KinshipUser user, Pair pair) {
        CaseFile survivor = views.file(user, pair.survivor());
        CaseFile duplicate = views.file(user, pair.duplicate());
        List<MergeField> fields = new ArrayList<>();
        for (ModuleSection section : pair.module().sections()) {
            if (!views.access(user, section, pair.survivor()).canEdit()) {
                continue;
            }
            Map<String, Object> mine = data(survivor, section.id());
            Map<String, Object> theirs = data(duplicate, section.id());
            for (String field : FieldDiff.changedFields(mine, theirs)) {
                if (masked(pair.survivor(), section.id(), field, mine) || masked(pair.duplicate(), section.id(), field,
                        theirs)) {
                    continue;
                }
                fields.add(new MergeField(section.id(), field, mine.get(field), theirs.get(field)));
            }
        }
        return fields;
    }

    /** A value stored but left out of the user's view (sensitive, without {@code case:view_sensitive}). */
    private static boolean masked(CaseFile stored, String section, String field, Map<String, Object> visible) {
        return !visible.containsKey(field) && stored.section(section).map(s -> s.data().containsKey(field))
                .orElse(false);
    }

    private static Map<String, Object> data(CaseFile file, String section) {
        return file.section(section).map(CaseSection::data).orElse(Map.of());
    }

    private void requireChoices(List<MergeField> differing, Map<String, Side> choices, Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> paths = new LinkedHashSet<>();
        for (MergeField field : differing) {
            paths.add(field.path());
            if (choices.get(field.path()) == null) {
                problems.add(new FieldProblem("/choices/" + field.path(),
                        messages.get(locale, "cases.merge.choiceMissing", field.path())));
            }
        }
        choices.keySet().stream().filter(path -> !paths.contains(path)).sorted()
                .forEach(path -> problems.add(new FieldProblem("/choices/" + path,
                        messages.get(locale, "cases.merge.choiceUnknown", path))));
        if (!problems.isEmpty()) {
            throw new InvalidCaseDataException(problems);
        }
    }

    /** What the duplicate has and the survivor does not (by id). */
    private static <T> List<T> carried(List<T> survivor, List<T> duplicate, Function<T, String> id) {
        Set<String> present = new LinkedHashSet<>();
        survivor.forEach(item -> present.add(id.apply(item)));
        return duplicate.stream().filter(item -> !present.contains(id.apply(item))).toList();
    }

    private <T> void carry(KinshipUser user, long version, String list, List<T> items, Function<T, String> id,
            Function<T, String> text, List<Bson> updates, List<FieldChange> history) {
        if (items.isEmpty()) {
            return;
        }
        updates.add(Updates.pushEach(list, items.stream().map(mapper::toBsonValue).toList()));
        items.forEach(item -> history.add(gate.change(list + "/" + id.apply(item), null,
                Objects.requireNonNullElse(text.apply(item), ""), user, version)));
    }

    private Bson touched(KinshipUser user) {
        return Updates.combine(Updates.set("updatedAt", Date.from(clock.instant())), Updates.set("updatedBy", user.id()));
    }
}
