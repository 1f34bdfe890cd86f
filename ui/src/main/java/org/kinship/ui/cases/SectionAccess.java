package org.kinship.ui.cases;

import org.kinship.cases.CaseAccessPolicy;
import org.kinship.cases.CaseAction;
import org.kinship.cases.CaseFile;
import org.kinship.cases.ModuleSection;
import org.kinship.security.KinshipUser;
import org.springframework.stereotype.Component;

/**
 * The one place the case file view learns whether a section is editable, read-only or hidden for the
 * signed-in user. Today the cases feature answers per case only (may the user edit this case at all, is it
 * open); per-role section access is to come from the cases feature, and then this class asks it instead and
 * nothing else in the view changes. The service refuses what is not allowed whatever the view shows.
 */
@Component
class SectionAccess {

    private final CaseAccessPolicy policy;

    SectionAccess(CaseAccessPolicy policy) {
        this.policy = policy;
    }

    SectionMode modeOf(KinshipUser user, CaseFile file, ModuleSection section) {
        return file.isOpen() && policy.may(user, CaseAction.EDIT, file) ? SectionMode.EDIT : SectionMode.READ_ONLY;
    }

    boolean mayEdit(KinshipUser user, CaseFile file) {
        return policy.may(user, CaseAction.EDIT, file);
    }

    boolean mayClose(KinshipUser user, CaseFile file) {
        return policy.may(user, CaseAction.CLOSE, file);
    }
}
