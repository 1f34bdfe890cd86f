package org.kinship.cases.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseSection;
import org.kinship.cases.FieldChange;
import org.kinship.security.FieldEncryptor;
import org.springframework.stereotype.Component;

/**
 * Sensitive values of case files encrypted at rest with the security feature's {@link FieldEncryptor}
 * (AES-GCM, key id stored, ADR 0005 and 0010). Which fields are sealed is decided when they are written, from
 * the section's form version; a stored value is sensitive exactly when it is an encrypted envelope, so reading
 * needs no form. Each value is bound to its place: {@code case/<id>/<section>/<field>} in the section data and
 * {@code case/<id>/history/<path>} in the history, so a ciphertext copied elsewhere does not decrypt.
 */
@Component
class CaseCrypto {

    private final FieldEncryptor encryptor;

    CaseCrypto(FieldEncryptor encryptor) {
        this.encryptor = encryptor;
    }

    /** The section data as stored: the values of {@code sensitive} fields encrypted. */
    Map<String, Object> seal(String caseId, String section, Map<String, Object> data, Set<String> sensitive) {
        Map<String, Object> sealed = new LinkedHashMap<>();
        data.forEach((field, value) -> sealed.put(field, sensitive.contains(field) && value != null
                && !FieldEncryptor.isEncrypted(value) ? encryptor.encrypt(value, dataContext(caseId, section, field))
                : value));
        return sealed;
    }

    /** A history entry as stored: old and new values encrypted when the field is sensitive. */
    FieldChange seal(String caseId, FieldChange change, boolean sensitive) {
        if (!sensitive) {
            return change;
        }
        String context = historyContext(caseId, change.path());
        return new FieldChange(change.path(), sealValue(change.oldValue(), context), sealValue(change.newValue(), context),
                change.changedBy(), change.changedAt(), change.version());
    }

    /** The section data in clear (internal use: validation, merging, the index). */
    Map<String, Object> open(String caseId, String section, Map<String, Object> data) {
        Map<String, Object> open = new LinkedHashMap<>();
        data.forEach((field, value) -> open.put(field, FieldEncryptor.isEncrypted(value)
                ? encryptor.decrypt(value, dataContext(caseId, section, field)) : value));
        return open;
    }

    /** One stored value of the section data in clear (as it is when not encrypted). */
    @Nullable Object openValue(String caseId, String section, String field, @Nullable Object value) {
        return FieldEncryptor.isEncrypted(value) ? encryptor.decrypt(value, dataContext(caseId, section, field)) : value;
    }

    /** The whole case in clear (internal use only: never answer this to a user without masking). */
    CaseFile open(CaseFile file) {
        Map<String, CaseSection> sections = new LinkedHashMap<>();
        file.sections().forEach((id, section) -> sections.put(id,
                new CaseSection(section.formId(), section.formVersion(), open(file.id(), id, section.data()))));
        return withSections(file, sections);
    }

    /** The case with every encrypted value left out. */
    static CaseFile withoutSealed(CaseFile file) {
        Map<String, CaseSection> sections = new LinkedHashMap<>();
        file.sections().forEach((id, section) -> {
            Map<String, Object> data = new LinkedHashMap<>(section.data());
            data.values().removeIf(FieldEncryptor::isEncrypted);
            sections.put(id, new CaseSection(section.formId(), section.formVersion(), data));
        });
        return withSections(file, sections);
    }

    /** A history entry in clear. */
    FieldChange open(String caseId, FieldChange change) {
        if (!sensitive(change)) {
            return change;
        }
        String context = historyContext(caseId, change.path());
        return new FieldChange(change.path(), openValue(change.oldValue(), context), openValue(change.newValue(), context),
                change.changedBy(), change.changedAt(), change.version());
    }

    /** True when the stored entry holds an encrypted value. */
    static boolean sensitive(FieldChange change) {
        return FieldEncryptor.isEncrypted(change.oldValue()) || FieldEncryptor.isEncrypted(change.newValue());
    }

    static CaseFile withSections(CaseFile f, Map<String, CaseSection> sections) {
        return new CaseFile(f.id(), f.caseNumber(), f.module(), f.status(), f.riskLevel(), f.ownerId(),
                f.assignedIds(), f.groupIds(), f.agencyCode(), sections, f.registeredAt(), f.registeredBy(),
                f.updatedAt(), f.updatedBy(), f.closure(), f.notes(), f.flags(), f.attachments(), f.version());
    }

    private @Nullable Object sealValue(@Nullable Object value, String context) {
        return value == null || FieldEncryptor.isEncrypted(value) ? value : encryptor.encrypt(value, context);
    }

    private @Nullable Object openValue(@Nullable Object value, String context) {
        return FieldEncryptor.isEncrypted(value) ? encryptor.decrypt(value, context) : value;
    }

    private static String dataContext(String caseId, String section, String field) {
        return "case/" + caseId + "/" + section + "/" + field;
    }

    private static String historyContext(String caseId, String path) {
        return "case/" + caseId + "/history/" + path;
    }
}
