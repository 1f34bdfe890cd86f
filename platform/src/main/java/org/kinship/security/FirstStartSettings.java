package org.kinship.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the first start creates.
 *
 * @param admin the first administrator ({@code KINSHIP_ADMIN_USER}, {@code KINSHIP_ADMIN_PASSWORD})
 * @param demo  also seed two demo agencies with a supervisor and two case workers each ({@code KINSHIP_DEMO})
 */
@ConfigurationProperties("kinship")
public record FirstStartSettings(@DefaultValue Admin admin, @DefaultValue("false") boolean demo) {

    /** @param password when absent a strong password is generated, printed once and written to the credentials file */
    public record Admin(@DefaultValue("admin") String user, @Nullable String password) {
    }
}
