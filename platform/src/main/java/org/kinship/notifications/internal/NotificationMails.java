package org.kinship.notifications.internal;

import java.util.Locale;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.kinship.i18n.Messages;
import org.kinship.i18n.SupportedLocales;
import org.kinship.notifications.MailSettings;
import org.kinship.security.UserAccount;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Writes and sends the e-mail of a notification in the recipient's language: one line saying what kind of thing is
 * waiting, and a link to Kinship. No case number, no name, nothing from the case file: whoever reads the mailbox
 * learns only that something waits in Kinship. The SMTP client is private to this class (not a bean), so nothing
 * connects to a mail server while e-mail is off.
 */
@Component
class NotificationMails {

    static final String KIND_PREFIX = "notifications.email.kind.";

    private final MailSettings settings;
    private final Messages messages;
    private final JavaMailSenderImpl sender = new JavaMailSenderImpl();

    NotificationMails(MailSettings settings, Messages messages) {
        this.settings = settings;
        this.messages = messages;
        if (settings.enabled()) {
            sender.setHost(settings.host());
            sender.setPort(settings.port());
            sender.setDefaultEncoding("UTF-8");
            boolean auth = settings.username() != null && !settings.username().isBlank();
            if (auth) {
                sender.setUsername(settings.username());
                sender.setPassword(settings.password());
            }
            Properties properties = sender.getJavaMailProperties();
            properties.put("mail.smtp.auth", String.valueOf(auth));
            properties.put("mail.smtp.starttls.enable", String.valueOf(settings.starttls()));
            properties.put("mail.smtp.starttls.required", String.valueOf(settings.starttls()));
            properties.put("mail.smtp.ssl.enable", String.valueOf(settings.ssl()));
            String timeout = String.valueOf(settings.timeout().toMillis());
            properties.put("mail.smtp.connectiontimeout", timeout);
            properties.put("mail.smtp.timeout", timeout);
            properties.put("mail.smtp.writetimeout", timeout);
        }
    }

    /** Sends the message for a notification of {@code kind} to the account's address (the caller checked it). */
    void send(UserAccount recipient, String kind) {
        Locale locale = SupportedLocales.bestMatch(recipient.preferredLocale() == null ? SupportedLocales.ENGLISH
                : Locale.forLanguageTag(recipient.preferredLocale()));
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(java.util.Objects.requireNonNull(recipient.email()));
            helper.setSubject(messages.get(locale, "notifications.email.subject"));
            helper.setText(text(locale, kind), false);
            message.setHeader("Content-Language", locale.toLanguageTag());
        } catch (MessagingException e) {
            throw new MailPreparationException("message not prepared", e);
        }
        sender.send(message);
    }

    String text(Locale locale, String kind) {
        String line = messages.has(KIND_PREFIX + kind) ? messages.get(locale, KIND_PREFIX + kind)
                : messages.get(locale, KIND_PREFIX + "other");
        return line + "\n\n" + messages.get(locale, "notifications.email.open", settings.appUrl()) + "\n\n"
                + messages.get(locale, "notifications.email.footer") + "\n";
    }
}
