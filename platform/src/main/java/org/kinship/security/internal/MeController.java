package org.kinship.security.internal;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.security.Agency;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission;
import org.kinship.security.PermissionService;
import org.kinship.security.TotpService;
import org.kinship.security.UserAccountService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: who the caller is, what they may do and whether they have a second factor. */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    private final UserAccountService accounts;
    private final PermissionService permissions;
    private final TotpService totp;

    MeController(UserAccountService accounts, PermissionService permissions, TotpService totp) {
        this.accounts = accounts;
        this.permissions = permissions;
        this.totp = totp;
    }

    @GetMapping
    Me me(@AuthenticationPrincipal KinshipUser user) {
        Agency agency = user.agencyCode() == null ? null : accounts.findAgency(user.agencyCode()).orElse(null);
        return new Me(user.id(), user.username(), user.displayName(), user.roles().stream().sorted().toList(),
                agency == null ? null : Map.of("code", agency.code(), "name", agency.name()),
                user.preferredLocale(),
                permissions.permissionsOf(user).stream().map(Permission::toString).sorted().toList(),
                totp.isEnrolled(user.id()), !totp.isEnrolled(user.id()) && accounts.findById(user.id())
                        .map(account -> totp.requiredFor(KinshipUser.of(account))).orElse(false));
    }

    /** Includes what the caller may do, so that clients show only what works. */
    record Me(String id, String username, String displayName, List<String> roles,
            @Nullable Map<String, String> agency, @Nullable String preferredLocale, List<String> permissions,
            boolean secondFactor, boolean secondFactorRequired) {
    }
}
