package org.kinship.ui.notifications;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import org.jspecify.annotations.Nullable;
import org.kinship.notifications.Notification;
import org.kinship.notifications.NotificationNotFoundException;
import org.kinship.notifications.NotificationService;
import org.kinship.security.KinshipUser;

/**
 * The bell in the header: the signed-in user's unread count (read again on every navigation), and on click their
 * notifications newest first, translated from their message keys. Clicking one marks it read and opens its record;
 * notifications carry no child data, only ids and the case number.
 */
public class NotificationBell extends Composite<Div> implements AfterNavigationObserver {

    /** How many notifications the list shows. */
    static final int LIMIT = 50;

    private final transient NotificationService notifications;
    private final KinshipUser user;
    private final Button bell = new Button(VaadinIcon.BELL.create());
    private final Span count = new Span();
    private @Nullable Dialog dialog;

    public NotificationBell(NotificationService notifications, KinshipUser user) {
        this.notifications = notifications;
        this.user = user;
        getContent().setId("notification-bell-host");
        getContent().addClassName("kinship-bell");
        getContent().getStyle().set("position", "relative").set("display", "inline-flex");
        bell.setId("notification-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        bell.addClickListener(click -> openList());
        count.setId("notification-count");
        count.getElement().getThemeList().add("badge");
        count.getElement().getThemeList().add("error");
        count.getElement().getThemeList().add("primary");
        count.getElement().getThemeList().add("small");
        count.getElement().getThemeList().add("pill");
        count.getStyle().set("position", "absolute").set("inset-block-start", "0").set("inset-inline-end", "0")
                .set("pointer-events", "none");
        getContent().add(bell, count);
        refresh();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refresh();
    }

    /** Reads the unread count again. */
    public void refresh() {
        long unread = notifications.unreadCount(user.username());
        count.setText(unread > 99 ? "99+" : Long.toString(unread));
        count.setVisible(unread > 0);
        bell.getElement().setAttribute("aria-label", getTranslation("notifications.bell", unread));
        bell.getElement().setAttribute("title", getTranslation("notifications.bell", unread));
    }

    /** Opens the list of the user's notifications, newest first. */
    void openList() {
        Dialog list = new Dialog();
        list.setId("notification-list");
        list.setHeaderTitle(getTranslation("notifications.title"));
        list.setWidth("min(36rem, 95vw)");
        VerticalLayout items = new VerticalLayout();
        items.setPadding(false);
        items.setSpacing(false);
        List<Notification> shown = notifications.list(user.username(), LIMIT);
        if (shown.isEmpty()) {
            items.add(new Span(getTranslation("notifications.none")));
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());
        for (Notification notification : shown) {
            items.add(item(notification, format, list));
        }
        list.add(items);
        Button allRead = new Button(getTranslation("notifications.markAllRead"), click -> {
            notifications.markAllRead(user.username());
            list.close();
            refresh();
        });
        allRead.setId("notification-mark-all-read");
        allRead.setEnabled(shown.stream().anyMatch(n -> !n.read()));
        Button close = new Button(getTranslation("notifications.close"), click -> list.close());
        list.getFooter().add(allRead, close);
        dialog = list;
        list.open();
    }

    private Button item(Notification notification, DateTimeFormatter format, Dialog list) {
        Span text = new Span(getTranslation(notification.messageKey(), notification.args().toArray()));
        Span when = new Span(format.format(notification.created()));
        when.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)")
                .set("margin-inline-start", "var(--lumo-space-s)");
        Button item = new Button();
        item.getElement().appendChild(text.getElement(), when.getElement());
        item.setId("notification-" + notification.id());
        item.setWidthFull();
        item.getStyle().set("justify-content", "flex-start").set("text-align", "start").set("height", "auto")
                .set("white-space", "normal").set("padding-block", "var(--lumo-space-xs)");
        item.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        if (!notification.read()) {
            text.getStyle().set("font-weight", "600");
            item.getElement().setAttribute("data-unread", "");
        }
        item.addClickListener(click -> open(notification, list));
        return item;
    }

    /** Marks the notification read and opens its record (a case), if it names one. */
    void open(Notification notification, Dialog list) {
        try {
            notifications.markRead(user.username(), notification.id());
        } catch (NotificationNotFoundException gone) {
            // read or removed meanwhile: opening the record is still what the user asked for
        }
        list.close();
        refresh();
        if (notification.recordId() != null) {
            getUI().ifPresent(ui -> ui.navigate("cases/" + notification.recordId()));
        }
    }

    /** For view tests. */
    String countText() {
        return count.isVisible() ? count.getText() : "0";
    }

    @Nullable Dialog dialog() {
        return dialog;
    }
}
