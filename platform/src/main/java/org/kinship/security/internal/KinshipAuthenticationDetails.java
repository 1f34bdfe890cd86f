package org.kinship.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Request details of a sign-in, with the one-time code of the second factor: the {@code X-Kinship-OTP} header
 * (API) or the {@code otp} form field (sign-in form).
 */
public class KinshipAuthenticationDetails extends WebAuthenticationDetails {

    public static final String OTP_HEADER = "X-Kinship-OTP";

    private final @Nullable String otp;

    public KinshipAuthenticationDetails(HttpServletRequest request) {
        super(request);
        String header = request.getHeader(OTP_HEADER);
        this.otp = header != null ? header : request.getParameter("otp");
    }

    public @Nullable String otp() {
        return otp;
    }
}
