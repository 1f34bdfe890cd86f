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
        return new CaseView(CaseCrypto.withSections(stored, visible), views);
    }

    /** The stored history as the user may see it. */
    List<FieldChange> history(KinshipUser user, CaseFile stored, List<FieldChange> entries) {
        boolean sensitiveAllowed = policy.may(user, CaseAction.VIEW_SENSITIVE, stored);
        Set<String> hidden = hiddenSections(user, stored);
        return entries.stream().filter(e -> !hidden.contains(firstSegment(e.path()))).map(e -> {
            if (!CaseCrypto.sensitive(e)) {
                return e;
            }
            return sensitiveAllowed ? crypto.open(stored.id(), e)
                    : new FieldChange(e.path(), e.oldValue() == null ? null : CaseView.MASK,
                            e.newValue() == null ? null : CaseView.MASK, e.changedBy(), e.changedAt(), e.version());
        }).toList();
    }

    /** The paths of changes the user may know about (a version conflict names them). */
    List<String> visiblePaths(KinshipUser user, CaseFile stored, List<String> paths) {
        Set<String> hidden = hiddenSections(user, stored);
        return paths.stream().filter(p -> !hidden.contains(firstSegment(p))).toList();
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
