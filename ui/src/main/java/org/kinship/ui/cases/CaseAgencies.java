package org.kinship.ui.cases;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.kinship.security.Agency;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.Permission.Scope;
import org.kinship.security.PermissionService;
import org.kinship.security.UserAccountService;
import org.kinship.security.UserGroup;
import org.kinship.security.UserGroupService;

/**
 * The agencies whose cases the user's widest case scope reaches: every agency for "all", the user's own and
 * those of the user groups they belong to for "group", only their own for "agency" and "own". The case list
 * offers an agency filter when this is more than one; the list service applies the scope whatever is chosen.
 */
final class CaseAgencies {

    private CaseAgencies() {
    }

    static List<Agency> covered(PermissionService permissions, UserAccountService accounts, UserGroupService groups,
            KinshipUser user) {
        Scope scope = permissions.widestScope(user, Resource.CASE, Action.VIEW).orElse(Scope.OWN);
        List<Agency> all = accounts.agencies();
        if (scope == Scope.ALL) {
            return all.stream().sorted(Comparator.comparing(Agency::name)).toList();
        }
        Set<String> codes = new HashSet<>();
        if (user.agencyCode() != null) {
            codes.add(user.agencyCode());
        }
        if (scope == Scope.GROUP) {
            groups.groupsOf(user.id()).stream().map(UserGroup::agencyCodes).forEach(codes::addAll);
        }
        return all.stream().filter(agency -> codes.contains(agency.code())).sorted(Comparator.comparing(Agency::name))
                .toList();
    }
}
