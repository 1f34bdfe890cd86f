package org.kinship.security.internal;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.security.Agency;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: who the caller is. */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    private final UserAccountService accounts;

    MeController(UserAccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    Me me(@AuthenticationPrincipal KinshipUser user) {
        Agency agency = user.agencyCode() == null ? null : accounts.findAgency(user.agencyCode()).orElse(null);
        return new Me(user.id(), user.username(), user.displayName(), user.roles().stream().sorted().toList(),
                agency == null ? null : Map.of("code", agency.code(), "name", agency.name()),
                user.preferredLocale());
    }

    record Me(String id, String username, String displayName, List<String> roles,
            @Nullable Map<String, String> agency, @Nullable String preferredLocale) {
    }
}
