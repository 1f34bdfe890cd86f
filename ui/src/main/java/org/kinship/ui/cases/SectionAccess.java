package org.kinship.ui.cases;

import java.util.List;

import org.kinship.cases.CaseAccessPolicy;
import org.kinship.cases.CaseAction;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseView;
import org.kinship.security.KinshipUser;
import org.springframework.stereotype.Component;

/**
 * The one place the case file view learns whether a section is editable, read-only or hidden for the
 * signed-in user, and which of its fields are masked: the cases feature answers it per section with
 * {@link org.kinship.cases.CaseFileService#view} (per-role section access and {@code case:view_sensitive},
 * ADR 0010); a closed case is read-only whatever the roles allow. The service refuses what is not allowed
 * whatever the view shows.
 */
@Component
class SectionAccess {

    private final CaseAccessPolicy policy;

    SectionAccess(CaseAccessPolicy policy) {
        this.policy = policy;
    }

    /** Hidden when the platform leaves the section out, editable only when it says EDIT and the case is open. */
    static SectionMode modeOf(CaseView view, String sectionId) {
        return view.section(sectionId).map(section -> section.access().canEdit() && view.file().isOpen()
                ? SectionMode.EDIT : SectionMode.READ_ONLY).orElse(SectionMode.HIDDEN);
    }

    /** The section's fields whose stored values are withheld from the user. */
    static List<String> maskedOf(CaseView view, String sectionId) {
        return view.section(sectionId).map(CaseView.SectionView::masked).orElse(List.of());
    }

    boolean mayEdit(KinshipUser user, CaseFile file) {
        return policy.may(user, CaseAction.EDIT, file);
    }

    boolean mayClose(KinshipUser user, CaseFile file) {
        return policy.may(user, CaseAction.CLOSE, file);
    }
}
