package org.kinship.security.internal;

import static org.kinship.security.Permission.Action.APPROVE;
import static org.kinship.security.Permission.Action.ASSIGN;
import static org.kinship.security.Permission.Action.CLOSE;
import static org.kinship.security.Permission.Action.CREATE;
import static org.kinship.security.Permission.Action.EDIT;
import static org.kinship.security.Permission.Action.EXPORT;
import static org.kinship.security.Permission.Action.MANAGE;
import static org.kinship.security.Permission.Action.OVERRIDE_TARGET;
import static org.kinship.security.Permission.Action.REFER;
import static org.kinship.security.Permission.Action.TRANSFER;
import static org.kinship.security.Permission.Action.VIEW;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kinship.security.DefaultRoles;
import org.kinship.security.Permission;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.Permission.Scope;
import org.kinship.security.Role;

/**
 * What the default roles allow on a new installation (need to know: administrators configure but do not read
 * case files; data analysts see reports only). Administrators edit roles afterwards; seeding never overwrites.
 */
final class DefaultRolePermissions {

    private DefaultRolePermissions() {
    }

    static List<Role> roles() {
        return List.of(
                role(DefaultRoles.ADMINISTRATOR, "Administrator", administrator()),
                role(DefaultRoles.SUPERVISOR, "Supervisor", supervisor()),
                role(DefaultRoles.CASE_WORKER, "Case worker", caseWorker()),
                role(DefaultRoles.REFERRAL_RECIPIENT, "Referral recipient", referralRecipient()),
                role(DefaultRoles.DATA_ANALYST, "Data analyst", dataAnalyst()),
                role(DefaultRoles.AGENCY_ADMINISTRATOR, "Agency administrator", agencyAdministrator()));
    }

    private static Set<Permission> administrator() {
        Set<Permission> permissions = new LinkedHashSet<>();
        for (Resource resource : EnumSet.of(Resource.USER, Resource.ROLE, Resource.AGENCY, Resource.FORM,
                Resource.LOOKUP, Resource.WORKFLOW)) {
            add(permissions, resource, Scope.ALL, VIEW, MANAGE);
        }
        add(permissions, Resource.AUDIT_LOG, Scope.ALL, VIEW);
        add(permissions, Resource.REPORT, Scope.ALL, VIEW);
        return permissions;
    }

    private static Set<Permission> supervisor() {
        Set<Permission> permissions = new LinkedHashSet<>();
        add(permissions, Resource.CASE, Scope.AGENCY, VIEW, CREATE, EDIT, CLOSE, REFER, TRANSFER, ASSIGN, APPROVE,
                OVERRIDE_TARGET);
        add(permissions, Resource.TRACING_REQUEST, Scope.AGENCY, VIEW, CREATE, EDIT);
        add(permissions, Resource.CONSENT, Scope.AGENCY, VIEW, EDIT, APPROVE);
        add(permissions, Resource.REPORT, Scope.AGENCY, VIEW);
        add(permissions, Resource.EXPORT, Scope.AGENCY, EXPORT);
        add(permissions, Resource.USER, Scope.AGENCY, VIEW);
        return permissions;
    }

    private static Set<Permission> caseWorker() {
        Set<Permission> permissions = new LinkedHashSet<>();
        add(permissions, Resource.CASE, Scope.OWN, VIEW, CREATE, EDIT, CLOSE, REFER, TRANSFER);
        add(permissions, Resource.TRACING_REQUEST, Scope.OWN, VIEW, CREATE, EDIT);
        add(permissions, Resource.CONSENT, Scope.OWN, VIEW, EDIT);
        add(permissions, Resource.REPORT, Scope.OWN, VIEW);
        return permissions;
    }

    private static Set<Permission> referralRecipient() {
        Set<Permission> permissions = new LinkedHashSet<>();
        add(permissions, Resource.CASE, Scope.OWN, VIEW, EDIT);
        add(permissions, Resource.CONSENT, Scope.OWN, VIEW);
        return permissions;
    }

    private static Set<Permission> dataAnalyst() {
        Set<Permission> permissions = new LinkedHashSet<>();
        add(permissions, Resource.REPORT, Scope.ALL, VIEW, EXPORT);
        return permissions;
    }

    private static Set<Permission> agencyAdministrator() {
        Set<Permission> permissions = new LinkedHashSet<>();
        add(permissions, Resource.USER, Scope.AGENCY, VIEW, MANAGE);
        add(permissions, Resource.ROLE, Scope.ALL, VIEW);
        add(permissions, Resource.AGENCY, Scope.AGENCY, VIEW);
        return permissions;
    }

    private static void add(Set<Permission> permissions, Resource resource, Scope scope, Action... actions) {
        for (Action action : actions) {
            permissions.add(Permission.of(resource, action, scope));
        }
    }

    private static Role role(String name, String englishLabel, Set<Permission> permissions) {
        return new Role(name, Map.of("en", englishLabel), permissions, 0);
    }
}
