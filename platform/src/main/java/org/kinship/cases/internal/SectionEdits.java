package org.kinship.cases.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.model.Updates;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseRequestRefusedException.Reason;
import org.kinship.cases.CaseSection;
import org.kinship.cases.FieldChange;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.cases.SectionAccess;
import org.kinship.forms.FormVersionRef;
import org.kinship.security.FieldEncryptor;
import org.kinship.security.KinshipUser;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.springframework.stereotype.Component;

/**
 * The one way a section of a stored case changes: the user's access to the section, masks sent back left out,
 * the merged data validated against the section's published form, changed fields found, sensitive values sealed
 * and one history entry per changed field. Section edits and merges of duplicates both build their updates here.
 */
@Component
class SectionEdits {

    private final RecordModuleService modules;
    private final SectionData sectionData;
    private final SectionForms forms;
    private final CaseCrypto crypto;
    private final CaseViews views;
    private final CaseGate gate;
    private final DocumentMapper mapper;

    SectionEdits(RecordModuleService modules, SectionData sectionData, SectionForms forms, CaseCrypto crypto,
            CaseViews views, CaseGate gate, DocumentMapper mapper) {
        this.modules = modules;
        this.sectionData = sectionData;
        this.forms = forms;
        this.crypto = crypto;
        this.views = views;
        this.gate = gate;
        this.mapper = mapper;
    }

    /**
     * A validated change of one section.
     *
     * @param section   the section id
     * @param fields    the changed fields
     * @param update    what to set on the case document (the section, the risk level)
     * @param riskLevel the case's risk level after the change
     * @param history   one entry per changed field, at {@code version}
     */
    record Edit(String section, List<String> fields, Bson update, String riskLevel, List<FieldChange> history) {
    }

    /**
     * Merges {@code submitted} into the section of {@code file} (a {@code null} value clears the field) as the next
     * version would store it; empty when nothing changes.
     *
     * @param riskLevel the risk level before this change (another section of the same write may have changed it)
     */
    Optional<Edit> edit(KinshipUser user, CaseFile file, @Nullable String sectionId, Map<String, Object> submitted,
            String riskLevel, long version, Locale locale) {
        String caseId = file.id();
        RecordModule module = modules.find(file.module()).orElseThrow();
        String wanted = sectionId == null ? module.registrationSection() : sectionId;
        ModuleSection section = module.section(wanted).orElseThrow(
                () -> new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.section.unknown", wanted));
        SectionAccess access = views.access(user, section, file);
        if (!access.canEdit()) {
            throw views.refuseEdit(user, caseId, section, access);
        }
        FormVersionRef form = forms.require(section);
        Optional<CaseSection> stored = file.section(wanted);
        Map<String, Object> before = stored.map(s -> crypto.open(caseId, wanted, s.data())).orElse(Map.of());
        Map<String, Object> changes = views.withoutMasks(user, file, stored.orElse(null), submitted);
        Map<String, Object> after = sectionData.validated(pinned(section, form), merge(before, changes),
                stored.isPresent() ? before : null, locale);
        List<String> fields = FieldDiff.changedFields(before, after);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Set<String> sensitive = forms.sensitiveFields(form);
        List<FieldChange> history = fields.stream()
                .map(f -> crypto.seal(caseId, gate.change(wanted + "/" + f, before.get(f), after.get(f), user, version),
                        sensitive.contains(f) || stored.map(s -> FieldEncryptor.isEncrypted(s.data().get(f)))
                                .orElse(false)))
                .toList();
        String risk = riskOf(module, after, riskLevel);
        Bson update = Updates.combine(
                Updates.set("sections." + wanted, mapper.toBsonValue(new CaseSection(form.formId(), form.version(),
                        crypto.seal(caseId, wanted, after, sensitive)))),
                Updates.set("riskLevel", risk));
        return Optional.of(new Edit(wanted, fields, update, risk, history));
    }

    /** The section with the version a save uses now, so that the validator checks against exactly that one. */
    static ModuleSection pinned(ModuleSection section, FormVersionRef form) {
        return new ModuleSection(section.id(), section.formId(), form.version(), section.order(), section.label(),
                section.roleAccess());
    }

    static String riskOf(RecordModule module, Map<String, Object> data, String otherwise) {
        Object risk = data.get(module.indexedFields().riskLevel());
        return risk instanceof String level && !level.isBlank() ? level : otherwise;
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
}
