package org.kinship.security;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Second factor settings.
 *
 * @param totpRequiredRoles roles whose holders must enrol a TOTP authenticator before they can do anything else
 *                          ({@code KINSHIP_SECURITY_TOTP_REQUIRED_ROLES}, e.g. {@code administrator,supervisor})
 * @param totpIssuer        the name authenticator apps show ({@code KINSHIP_SECURITY_TOTP_ISSUER})
 */
@ConfigurationProperties("kinship.security")
public record TotpSettings(@DefaultValue Set<String> totpRequiredRoles, @DefaultValue("Kinship") String totpIssuer) {

    public boolean requiredFor(Set<String> roles) {
        return roles.stream().anyMatch(totpRequiredRoles::contains);
    }
}
