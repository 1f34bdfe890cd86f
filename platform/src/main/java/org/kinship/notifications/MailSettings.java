package org.kinship.notifications;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail notifications ({@code kinship.mail.*}, environment {@code KINSHIP_MAIL_*}). Off while {@code host} is
 * unset: the bell still works, nothing is queued for e-mail.
 *
 * @param host           SMTP server ({@code KINSHIP_MAIL_HOST}); blank = no e-mail
 * @param port           SMTP port ({@code KINSHIP_MAIL_PORT})
 * @param username       SMTP user, blank for none ({@code KINSHIP_MAIL_USERNAME})
 * @param password       SMTP password ({@code KINSHIP_MAIL_PASSWORD})
 * @param from           sender address ({@code KINSHIP_MAIL_FROM})
 * @param starttls       require STARTTLS ({@code KINSHIP_MAIL_STARTTLS})
 * @param ssl            SMTP over TLS from the first byte, usually port 465 ({@code KINSHIP_MAIL_SSL})
 * @param appUrl         the address of Kinship that the message links to ({@code KINSHIP_MAIL_APP_URL})
 * @param interval       how often queued messages are (re)tried; {@code 0} sends only when asked
 *                       ({@code KINSHIP_MAIL_INTERVAL})
 * @param maxAttempts    attempts before a message is given up ({@code KINSHIP_MAIL_MAX_ATTEMPTS})
 * @param timeout        connect, read and write timeout of one SMTP attempt ({@code KINSHIP_MAIL_TIMEOUT})
 * @param failedRetention how long a message given up stays in the outbox (for an administrator to see why) before
 *                       it is deleted ({@code KINSHIP_MAIL_FAILED_RETENTION})
 */
@ConfigurationProperties("kinship.mail")
public record MailSettings(@Nullable String host, @DefaultValue("587") int port, @Nullable String username,
        @Nullable String password, @DefaultValue("kinship@localhost") String from,
        @DefaultValue("true") boolean starttls, @DefaultValue("false") boolean ssl,
        @DefaultValue("http://localhost:8080") String appUrl, @DefaultValue("30s") Duration interval,
        @DefaultValue("10") int maxAttempts, @DefaultValue("10s") Duration timeout,
        @DefaultValue("30d") Duration failedRetention) {

    /** Whether e-mail is configured at all. */
    public boolean enabled() {
        return host != null && !host.isBlank();
    }
}
