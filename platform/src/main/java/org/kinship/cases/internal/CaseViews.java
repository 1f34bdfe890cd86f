package org.kinship.cases.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseAction;
import org.kinship.cases.CaseAccessPolicy;
import org.kinship.cases.CaseAttachment;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseRequestRefusedException.Reason;
import org.kinship.cases.CaseSection;
import org.kinship.cases.CaseView;
import org.kinship.cases.CaseView.SectionView;
import org.kinship.cases.FieldChange;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.cases.SectionAccess;
import org.kinship.forms.FormVersionRef;
import org.kinship.security.FieldEncryptor;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.springframework.stereotype.Component;

/**
 * Cases as a user may see them (ADR 0010): per section, the widest access of the user's roles as the module
 * configures it, limited to reading without {@code case:edit} on the case; hidden sections and their history
 * left out; values stored encrypted (the sensitive fields) decrypted only for users with
 * {@code case:view_sensitive} on the case, otherwise left out of the data and masked in the history.
 * Attachments follow the field that holds their id ({@link AttachmentLimits}): a file of a hidden section or of a
 * sensitive value the user may not see is left out of the case and cannot be opened.
 */
@Component
class CaseViews {

    private final RecordModuleService modules;
    private final CaseAccessPolicy policy;
    private final PermissionService permissions;
    private final CaseCrypto crypto;
    private final SectionForms forms;

    CaseViews(RecordModuleService modules, CaseAccessPolicy policy, PermissionService permissions, CaseCrypto crypto,
            SectionForms forms) {
        this.modules = modules;
        this.policy = policy;
        this.permissions = permissions;
        this.crypto = crypto;
        this.forms = forms;
    }

    /** What the user's roles allow with the section, before their permissions on a particular case. */
    static SectionAccess granted(KinshipUser user, ModuleSection section) {
        return user.roles().stream().map(section::accessFor).reduce(SectionAccess.HIDDEN, SectionAccess::or);
    }

    /** What the user may do with the section of this (stored) case. */
    SectionAccess access(KinshipUser user, ModuleSection section, CaseFile file) {
        SectionAccess granted = granted(user, section);
        return policy.may(user, CaseAction.EDIT, file) ? granted : granted.atMost(SectionAccess.READ);
    }

    /**
     * Refuses a change to a section the user may not edit: audited as {@code access.denied}; a hidden section is
     * answered as an unknown one, so that its existence is not told.
     */
    CaseRequestRefusedException refuseEdit(KinshipUser user, @Nullable String caseId, ModuleSection section,
            SectionAccess access) {
        permissions.deny(user, Resource.CASE, Action.EDIT, caseId,
                access == SectionAccess.HIDDEN ? "section_hidden" : "section_read_only");
        return access == SectionAccess.HIDDEN
                ? new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.section.unknown", section.id())
                : new CaseRequestRefusedException(Reason.FORBIDDEN, "cases.section.readOnly", section.id());
    }

    /** The stored case as the user may see it, with the form version a save of each section uses now. */
    CaseView view(KinshipUser user, CaseFile stored) {
        return view(user, stored, true);
    }

    /** The stored case as the user may see it (what writes answer: no form versions looked up). */
    CaseFile file(KinshipUser user, CaseFile stored) {
        return view(user, stored, false).file();
    }

    private CaseView view(KinshipUser user, CaseFile stored, boolean withForms) {
        Optional<RecordModule> module = modules.find(stored.module());
        boolean sensitiveAllowed = policy.may(user, CaseAction.VIEW_SENSITIVE, stored);
        AttachmentLimits limits = attachmentLimits(stored, sensitiveAllowed, hiddenSections(user, stored));
        boolean mayEdit = policy.may(user, CaseAction.EDIT, stored);
        Map<String, CaseSection> visible = new LinkedHashMap<>();
        List<SectionView> views = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (ModuleSection section : module.map(RecordModule::sections).orElse(List.of())) {
            listed.add(section.id());
            SectionAccess granted = granted(user, section);
            SectionAccess access = mayEdit ? granted : granted.atMost(SectionAccess.READ);
            if (!access.canRead()) {
                continue;
            }
            List<String> masked = new ArrayList<>();
            CaseSection data = stored.sections().get(section.id());
            if (data != null) {
                visible.put(section.id(), reduce(stored.id(), section.id(), data, sensitiveAllowed, masked));
            }
            Integer current = withForms ? forms.current(section).map(FormVersionRef::version).orElse(null) : null;
            views.add(new SectionView(section.id(), section.formId(), current, access, masked));
        }
        // sections the module no longer lists stay readable as they were stored
        stored.sections().forEach((id, data) -> {
            if (!listed.contains(id)) {
                List<String> masked = new ArrayList<>();
                visible.put(id, reduce(stored.id(), id, data, sensitiveAllowed, masked));
                views.add(new SectionView(id, data.formId(), null, SectionAccess.READ, masked));
            }
        });
        CaseFile file = CaseCrypto.withSections(stored, visible);
        return new CaseView(limits.isEmpty() ? file : limits.applyTo(file), views);
    }

    /** The stored history as the user may see it. */
    List<FieldChange> history(KinshipUser user, CaseFile stored, List<FieldChange> entries) {
        boolean sensitiveAllowed = policy.may(user, CaseAction.VIEW_SENSITIVE, stored);
        Set<String> hidden = hiddenSections(user, stored);
        AttachmentLimits limits = attachmentLimits(stored, sensitiveAllowed, hidden);
        return entries.stream().filter(e -> !hidden.contains(firstSegment(e.path())))
                .filter(e -> !limits.hidden().contains(AttachmentLimits.attachmentOf(e.path()))).map(e -> {
            if (limits.masked().contains(AttachmentLimits.attachmentOf(e.path()))) {
                return masked(e);
            }
            if (!CaseCrypto.sensitive(e)) {
                return e;
            }
            return sensitiveAllowed ? crypto.open(stored.id(), e) : masked(e);
        }).toList();
    }

    private static FieldChange masked(FieldChange e) {
        return new FieldChange(e.path(), e.oldValue() == null ? null : CaseView.MASK,
                e.newValue() == null ? null : CaseView.MASK, e.changedBy(), e.changedAt(), e.version());
    }

    /** The paths of changes the user may know about (a version conflict names them). */
    List<String> visiblePaths(KinshipUser user, CaseFile stored, List<String> paths) {
        Set<String> hidden = hiddenSections(user, stored);
        AttachmentLimits limits = attachmentLimits(stored, policy.may(user, CaseAction.VIEW_SENSITIVE, stored), hidden);
        return paths.stream().filter(p -> !hidden.contains(firstSegment(p)))
                .filter(p -> !limits.hidden().contains(AttachmentLimits.attachmentOf(p))).toList();
    }

    /** The attachments of the stored case the user may not open (see {@link AttachmentLimits}). */
    AttachmentLimits attachmentLimits(KinshipUser user, CaseFile stored) {
        return attachmentLimits(stored, policy.may(user, CaseAction.VIEW_SENSITIVE, stored),
                hiddenSections(user, stored));
    }

    /**
     * Which attachments are held by a section the user may not see ({@code hidden}) or by an encrypted value of a
     * sensitive field the user may not read ({@code masked}). A form field (photo, document, audio, signature)
     * holds an attachment by its id, also inside a repeating group; an attachment not held by any field (added
     * from the attachments list) follows the case. Held by a hidden section anywhere counts as hidden.
     */
    private AttachmentLimits attachmentLimits(CaseFile stored, boolean sensitiveAllowed, Set<String> hiddenSections) {
        if (stored.attachments().isEmpty() || (sensitiveAllowed && hiddenSections.isEmpty())) {
            return AttachmentLimits.NONE;
        }
        Set<String> ids = new HashSet<>();
        stored.attachments().forEach(attachment -> ids.add(attachment.id()));
        Set<String> hidden = new HashSet<>();
        Set<String> masked = new HashSet<>();
        stored.sections().forEach((sectionId, section) -> {
            boolean sectionHidden = hiddenSections.contains(sectionId);
            section.data().forEach((field, value) -> {
                boolean sealed = FieldEncryptor.isEncrypted(value);
                if (sectionHidden || (sealed && !sensitiveAllowed)) {
                    collectIds(crypto.openValue(stored.id(), sectionId, field, value), ids,
                            sectionHidden ? hidden : masked);
                }
            });
        });
        masked.removeAll(hidden);
        return new AttachmentLimits(hidden, masked);
    }

    private static void collectIds(@Nullable Object value, Set<String> ids, Set<String> found) {
        switch (value) {
            case String text when ids.contains(text) -> found.add(text);
            case Map<?, ?> map -> map.values().forEach(v -> collectIds(v, ids, found));
            case Iterable<?> list -> list.forEach(v -> collectIds(v, ids, found));
            case null, default -> {
            }
        }
    }

    /**
     * The attachments of one case a user may not open: {@code hidden} ones (held by a section hidden from the
     * user: left out, answered as unknown) and {@code masked} ones (held by a sensitive value the user may not
     * see: left out, refused).
     */
    record AttachmentLimits(Set<String> hidden, Set<String> masked) {

        static final AttachmentLimits NONE = new AttachmentLimits(Set.of(), Set.of());

        AttachmentLimits {
            hidden = Set.copyOf(hidden);
            masked = Set.copyOf(masked);
        }

        boolean isEmpty() {
            return hidden.isEmpty() && masked.isEmpty();
        }

        boolean allows(String attachmentId) {
            return !hidden.contains(attachmentId) && !masked.contains(attachmentId);
        }

        /** The case without the attachments the user may not open. */
        CaseFile applyTo(CaseFile f) {
            List<CaseAttachment> kept = f.attachments().stream().filter(a -> allows(a.id())).toList();
            return new CaseFile(f.id(), f.caseNumber(), f.module(), f.status(), f.riskLevel(), f.ownerId(),
                    f.assignedIds(), f.groupIds(), f.agencyCode(), f.sections(), f.registeredAt(), f.registeredBy(),
                    f.updatedAt(), f.updatedBy(), f.closure(), f.notes(), f.flags(), kept, f.version());
        }

        /** The attachment id a history path {@code attachments/<id>} names, or an empty string. */
        static String attachmentOf(String path) {
            return path.startsWith("attachments/") ? path.substring("attachments/".length()) : "";
        }
    }

    /**
     * Leaves out of {@code submitted} the mask marker sent back for a value the user cannot see (it means
     * "unchanged"); any other value replaces the stored one (a sensitive field is writable without being readable).
     */
    Map<String, Object> withoutMasks(KinshipUser user, CaseFile stored, @Nullable CaseSection section,
            Map<String, Object> submitted) {
        if (section == null || policy.may(user, CaseAction.VIEW_SENSITIVE, stored)) {
            return submitted;
        }
        Map<String, Object> kept = new LinkedHashMap<>(submitted);
        submitted.forEach((field, value) -> {
            if (CaseView.MASK.equals(value) && FieldEncryptor.isEncrypted(section.data().get(field))) {
                kept.remove(field);
            }
        });
        return kept;
    }

    private Set<String> hiddenSections(KinshipUser user, CaseFile stored) {
        Set<String> hidden = new HashSet<>();
        modules.find(stored.module()).ifPresent(module -> module.sections().stream()
                .filter(s -> !granted(user, s).canRead()).forEach(s -> hidden.add(s.id())));
        return hidden;
    }

    private CaseSection reduce(String caseId, String sectionId, CaseSection section, boolean sensitiveAllowed,
            List<String> masked) {
        Map<String, Object> data = new LinkedHashMap<>();
        section.data().forEach((field, value) -> {
            if (!FieldEncryptor.isEncrypted(value)) {
                data.put(field, value);
            } else if (sensitiveAllowed) {
                data.put(field, crypto.open(caseId, sectionId, Map.of(field, value)).get(field));
            } else {
                masked.add(field);
            }
        });
        return new CaseSection(section.formId(), section.formVersion(), data);
    }

    private static String firstSegment(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }
}
