package org.kinship.security.internal;

import org.kinship.security.KinshipUser;
import org.kinship.security.TotpEnrolment;
import org.kinship.security.TotpService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Second factor enrolment: {@code POST /api/v1/me/totp} (secret and otpauth URI), {@code POST
 * /api/v1/me/totp/confirm} with {@code {"code":"123456"}}; administrators reset a lost one with {@code DELETE
 * /api/v1/admin/users/{id}/totp}.
 */
@RestController
class TotpController {

    private final TotpService totp;

    TotpController(TotpService totp) {
        this.totp = totp;
    }

    @PostMapping("/api/v1/me/totp")
    TotpEnrolment start(@AuthenticationPrincipal KinshipUser user) {
        return totp.start(user);
    }

    @PostMapping("/api/v1/me/totp/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirm(@AuthenticationPrincipal KinshipUser user, @RequestBody Code body) {
        if (!totp.confirm(user, body.code())) {
            throw new IllegalArgumentException("The code is not correct or was already used; try the next one");
        }
    }

    @DeleteMapping("/api/v1/admin/users/{id}/totp")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset(@AuthenticationPrincipal KinshipUser actor, @PathVariable String id) {
        totp.reset(actor, id);
    }

    record Code(String code) {
    }
}
