package org.kinship.notifications.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kinship.i18n.Messages;
import org.kinship.i18n.SupportedLocales;
import org.kinship.notifications.Notification;
import org.kinship.notifications.NotificationNotFoundException;
import org.kinship.notifications.NotificationService;
import org.kinship.security.KinshipUser;
import org.kinship.shared.internal.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/notifications}: the signed-in user's notifications, newest first, each with its message in the
 * caller's language; {@code POST /{id}/read} marks one read, {@code POST /read} all of them.
 */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    private final NotificationService notifications;
    private final Messages messages;

    NotificationController(NotificationService notifications, Messages messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    record Shown(String id, String kind, String recordId, String messageKey, List<String> args, String message,
            String created, boolean read) {
    }

    @GetMapping
    Map<String, Object> list(@AuthenticationPrincipal KinshipUser user,
            @RequestParam(defaultValue = "50") int limit, Locale locale) {
        Locale shown = SupportedLocales.bestMatch(locale);
        List<Shown> items = notifications.list(user.username(), limit).stream().map(n -> show(n, shown)).toList();
        return Map.of("unread", notifications.unreadCount(user.username()), "items", items);
    }

    @PostMapping("/{id}/read")
    Shown read(@AuthenticationPrincipal KinshipUser user, @PathVariable String id, Locale locale) {
        return show(notifications.markRead(user.username(), id), SupportedLocales.bestMatch(locale));
    }

    @PostMapping("/read")
    Map<String, Long> readAll(@AuthenticationPrincipal KinshipUser user) {
        return Map.of("marked", notifications.markAllRead(user.username()));
    }

    @ExceptionHandler
    ProblemDetail notFound(NotificationNotFoundException e, Locale locale) {
        return Problems.withDetail(HttpStatus.NOT_FOUND, messages.get(locale, "notifications.notFound"));
    }

    private Shown show(Notification n, Locale locale) {
        String message = messages.has(n.messageKey()) ? messages.get(locale, n.messageKey(), n.args().toArray())
                : n.messageKey();
        return new Shown(n.id(), n.kind(), n.recordId() == null ? "" : n.recordId(), n.messageKey(), n.args(),
                message, n.created().toString(), n.read());
    }
}
