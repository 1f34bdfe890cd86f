package org.kinship.security.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kinship.security.Agency;
import org.kinship.security.AgencyAdministration;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.security.Role;
import org.kinship.security.RoleService;
import org.kinship.security.UserGroup;
import org.kinship.security.UserGroupService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/{agencies,roles,groups}}: the set-up that decides who sees what. */
@RestController
@RequestMapping("/api/v1/admin")
class AdminSetupController {

    private final AgencyAdministration agencies;
    private final RoleService roles;
    private final UserGroupService groups;
    private final PermissionService permissions;

    AdminSetupController(AgencyAdministration agencies, RoleService roles, UserGroupService groups,
            PermissionService permissions) {
        this.agencies = agencies;
        this.roles = roles;
        this.groups = groups;
        this.permissions = permissions;
    }

    @GetMapping("/agencies")
    List<Agency> agencies(@AuthenticationPrincipal KinshipUser actor) {
        return agencies.agencies(actor);
    }

    @PostMapping("/agencies")
    @ResponseStatus(HttpStatus.CREATED)
    Agency createAgency(@AuthenticationPrincipal KinshipUser actor, @RequestBody NewAgency body) {
        return agencies.create(actor, body.code(), body.name());
    }

    @PutMapping("/agencies/{code}")
    Agency renameAgency(@AuthenticationPrincipal KinshipUser actor, @PathVariable String code,
            @RequestBody AgencyChange body) {
        return agencies.rename(actor, code, body.name(), body.version());
    }

    @GetMapping("/roles")
    List<Role> roles(@AuthenticationPrincipal KinshipUser actor) {
        permissions.require(actor, Resource.ROLE, Action.VIEW, null);
        return roles.roles();
    }

    @PostMapping("/roles")
    @ResponseStatus(HttpStatus.CREATED)
    Role createRole(@AuthenticationPrincipal KinshipUser actor, @RequestBody NewRole body) {
        return roles.create(actor, body.name(), body.labels(), body.permissions());
    }

    @PutMapping("/roles/{name}")
    Role updateRole(@AuthenticationPrincipal KinshipUser actor, @PathVariable String name,
            @RequestBody RoleChange body) {
        return roles.update(actor, name, body.labels(), body.permissions(), body.version());
    }

    @GetMapping("/groups")
    List<UserGroup> groups(@AuthenticationPrincipal KinshipUser actor) {
        return groups.groups(actor);
    }

    @PostMapping("/groups")
    @ResponseStatus(HttpStatus.CREATED)
    UserGroup createGroup(@AuthenticationPrincipal KinshipUser actor, @RequestBody GroupChange body) {
        return groups.create(actor, body.name(), body.memberIds(), body.agencyCodes());
    }

    @PutMapping("/groups/{id}")
    UserGroup updateGroup(@AuthenticationPrincipal KinshipUser actor, @PathVariable String id,
            @RequestBody GroupChange body) {
        return groups.update(actor, id, body.name(), body.memberIds(), body.agencyCodes(), body.version());
    }

    record NewAgency(String code, String name) {
    }

    record AgencyChange(String name, long version) {
    }

    record NewRole(String name, Map<String, String> labels, Set<Permission> permissions) {
    }

    record RoleChange(Map<String, String> labels, Set<Permission> permissions, long version) {
    }

    record GroupChange(String name, Set<String> memberIds, Set<String> agencyCodes, long version) {
    }
}
