package org.kinship.referrals.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kinship.referrals.Transfer;
import org.kinship.referrals.TransferService;
import org.kinship.security.KinshipUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/transfers}: the transfers involving the user, one transfer, {@code accept|reject|revoke}. */
@RestController
@RequestMapping("/api/v1/transfers")
class TransferController {

    private final TransferService transfers;

    TransferController(TransferService transfers) {
        this.transfers = transfers;
    }

    record ReasonBody(@Nullable String reason) {
    }

    @GetMapping
    List<Transfer> list(@AuthenticationPrincipal KinshipUser user) {
        return transfers.involving(user);
    }

    @GetMapping("/{id}")
    Transfer get(@AuthenticationPrincipal KinshipUser user, @PathVariable String id) {
        return transfers.get(user, id);
    }

    @PostMapping("/{id}/accept")
    Transfer accept(@AuthenticationPrincipal KinshipUser user, @PathVariable String id) {
        return transfers.accept(user, id);
    }

    @PostMapping("/{id}/reject")
    Transfer reject(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestBody(required = false) @Nullable ReasonBody body) {
        return transfers.reject(user, id, body == null ? null : body.reason());
    }

    @PostMapping("/{id}/revoke")
    Transfer revoke(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestBody(required = false) @Nullable ReasonBody body) {
        return transfers.revoke(user, id, body == null ? null : body.reason());
    }
}
