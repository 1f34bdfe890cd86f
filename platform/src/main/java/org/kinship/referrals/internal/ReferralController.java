package org.kinship.referrals.internal;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kinship.referrals.Referral;
import org.kinship.referrals.ReferralRefusedException;
import org.kinship.referrals.ReferralRefusedException.Reason;
import org.kinship.referrals.ReferralService;
import org.kinship.referrals.ReferralStatus;
import org.kinship.referrals.ReferralSummary;
import org.kinship.security.KinshipUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/referrals}: the signed-in user's referrals ({@code box=sent|received}, {@code status=},
 * {@code overdue=true}), one referral, and its transitions {@code accept}, {@code reject} ({@code reason} required), {@code done},
 * {@code revoke}.
 */
@RestController
@RequestMapping("/api/v1/referrals")
class ReferralController {

    private final ReferralService referrals;

    ReferralController(ReferralService referrals) {
        this.referrals = referrals;
    }

    record ReasonBody(@Nullable String reason) {
    }

    @GetMapping
    List<Referral> list(@AuthenticationPrincipal KinshipUser user, @RequestParam(defaultValue = "received") String box,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "false") boolean overdue) {
        ReferralStatus wanted = status(status);
        if (overdue) {
            return list(user, box, status, false).stream().filter(referrals::overdue).toList();
        }
        return switch (box) {
            case "sent" -> referrals.sent(user, wanted);
            case "received" -> referrals.received(user, wanted);
            default -> throw new ReferralRefusedException(Reason.BAD_REQUEST, "referrals.box.unknown", box);
        };
    }

    @GetMapping("/summary")
    ReferralSummary summary(@AuthenticationPrincipal KinshipUser user) {
        return referrals.summary(user);
    }

    @GetMapping("/{id}")
    Referral get(@AuthenticationPrincipal KinshipUser user, @PathVariable String id) {
        return referrals.get(user, id);
    }

    @PostMapping("/{id}/accept")
    Referral accept(@AuthenticationPrincipal KinshipUser user, @PathVariable String id) {
        return referrals.accept(user, id);
    }

    @PostMapping("/{id}/reject")
    Referral reject(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestBody(required = false) @Nullable ReasonBody body) {
        return referrals.reject(user, id, body == null ? null : body.reason());
    }

    @PostMapping("/{id}/done")
    Referral done(@AuthenticationPrincipal KinshipUser user, @PathVariable String id) {
        return referrals.done(user, id);
    }

    @PostMapping("/{id}/revoke")
    Referral revoke(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestBody(required = false) @Nullable ReasonBody body) {
        return referrals.revoke(user, id, body == null ? null : body.reason());
    }

    static @Nullable ReferralStatus status(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ReferralStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ReferralRefusedException(Reason.BAD_REQUEST, "referrals.status.unknown", status);
        }
    }
}
