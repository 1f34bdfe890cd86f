package org.kinship.cases;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A child's case file. {@code version} grows by one with every write; a write based on an older version is
 * refused ({@link CaseVersionConflictException}). Sections are keyed by the module's section ids.
 *
 * @param caseNumber the readable, unique, never reused number (for example {@code IRC-2026-00042})
 * @param ownerId    the user id of the responsible worker (the registering worker at first)
 * @param agencyCode the owner's agency when the case was registered
 */
public record CaseFile(
        String id,
        String caseNumber,
        String module,
        CaseStatus status,
        String riskLevel,
        String ownerId,
        List<String> assignedIds,
        List<String> groupIds,
        @Nullable String agencyCode,
        Map<String, CaseSection> sections,
        Instant registeredAt,
        String registeredBy,
        Instant updatedAt,
        String updatedBy,
        @Nullable CaseClosure closure,
        List<CaseNote> notes,
        List<CaseFlag> flags,
        List<CaseAttachment> attachments,
        long version) {

    public CaseFile {
        assignedIds = List.copyOf(assignedIds);
        groupIds = List.copyOf(groupIds);
        sections = new LinkedHashMap<>(sections);
        notes = List.copyOf(notes);
        flags = List.copyOf(flags);
        attachments = List.copyOf(attachments);
    }

    public Optional<CaseSection> section(String sectionId) {
        return Optional.ofNullable(sections.get(sectionId));
    }

    /** The value of a field in any section (the first section that has it), for summaries and the index. */
    public Optional<Object> value(String field) {
        return sections.values().stream().map(s -> s.data().get(field)).filter(v -> v != null).findFirst();
    }

    public Optional<CaseFlag> flag(String flagId) {
        return flags.stream().filter(f -> f.id().equals(flagId)).findFirst();
    }

    public Optional<CaseAttachment> attachment(String attachmentId) {
        return attachments.stream().filter(a -> a.id().equals(attachmentId)).findFirst();
    }

    /**
     * What a user with a {@link CaseAccessGrant} reads: the granted sections only; no notes, flags, attachments,
     * closure reason, assignees or groups.
     */
    public CaseFile sharedOnly(java.util.Set<String> sectionIds) {
        Map<String, CaseSection> shared = new LinkedHashMap<>();
        sections.forEach((id, section) -> {
            if (sectionIds.contains(id)) {
                shared.put(id, section);
            }
        });
        return new CaseFile(id, caseNumber, module, status, riskLevel, ownerId, List.of(), List.of(), agencyCode,
                shared, registeredAt, registeredBy, updatedAt, updatedBy, null, List.of(), List.of(), List.of(),
                version);
    }

    public boolean isOpen() {
        return status == CaseStatus.OPEN;
    }
}
