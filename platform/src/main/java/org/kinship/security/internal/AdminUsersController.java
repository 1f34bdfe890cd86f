package org.kinship.security.internal;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccount;
import org.kinship.security.UserAdministration;
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

/**
 * {@code /api/v1/admin/users}: list, create, edit (roles, agency, language, enabled), put in groups
 * ({@code PUT /{id}/groups}) and reset passwords. Rules and auditing live in {@link UserAdministration}.
 */
@RestController
@RequestMapping("/api/v1/admin/users")
class AdminUsersController {

    private final UserAdministration administration;
    private final UserGroupService groups;

    AdminUsersController(UserAdministration administration, UserGroupService groups) {
        this.administration = administration;
        this.groups = groups;
    }

    @GetMapping
    List<UserView> list(@AuthenticationPrincipal KinshipUser actor) {
        return administration.users(actor).stream().map(UserView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@AuthenticationPrincipal KinshipUser actor, @RequestBody UserAdministration.NewUser user) {
        return UserView.of(administration.create(actor, user));
    }

    @PutMapping("/{id}")
    UserView update(@AuthenticationPrincipal KinshipUser actor, @PathVariable String id,
            @RequestBody UserAdministration.Profile profile) {
        return UserView.of(administration.update(actor, id, profile));
    }

    @PostMapping("/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@AuthenticationPrincipal KinshipUser actor, @PathVariable String id,
            @RequestBody NewPassword body) {
        administration.resetPassword(actor, id, body.password());
    }

    @PutMapping("/{id}/groups")
    List<UserGroup> assignGroups(@AuthenticationPrincipal KinshipUser actor, @PathVariable String id,
            @RequestBody GroupIds body) {
        return groups.assign(actor, id, body.groupIds());
    }

    record NewPassword(String password) {
    }

    record GroupIds(Set<String> groupIds) {
    }

    /** An account without its password hash and counters. */
    record UserView(String id, String username, String displayName, Set<String> roles, @Nullable String agencyCode,
            @Nullable String preferredLocale, @Nullable String email, boolean enabled, long version) {

        static UserView of(UserAccount account) {
            return new UserView(account.id(), account.username(), account.displayName(), account.roles(),
                    account.agencyCode(), account.preferredLocale(), account.email(), account.enabled(),
                    account.version());
        }
    }
}
