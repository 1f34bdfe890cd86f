package org.kinship.ui.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.RecordModuleService;
import org.kinship.forms.FormDefinitionService;
import org.kinship.notifications.Notification;
import org.kinship.notifications.NotificationService;
import org.kinship.security.KinshipUser;
import org.kinship.testing.MutableClock;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.ui.cases.CaseFileView;
import org.kinship.ui.cases.StandardCaseModule;
import org.kinship.ui.shell.HomeView;
import org.kinship.ui.testing.WithKinshipUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** The bell: the unread count, the list newest first and translated, a click marks read and opens the case. */
@PlatformIntegrationTest
class NotificationBellTests extends SpringBrowserlessTest {

    @Autowired
    NotificationService notifications;

    @Autowired
    CaseFileService cases;

    @Autowired
    RecordModuleService modules;

    @Autowired
    FormDefinitionService forms;

    @Autowired
    org.kinship.forms.LookupService lookups;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void standardForms() {
        StandardCaseModule.use(modules, forms, lookups);
    }

    @Test
    @WithKinshipUser(username = "bell.worker", agency = "BELLA")
    void theUnreadCountTheListNewestFirstAndAClickMarksReadAndOpensTheCase() {
        KinshipUser user = signedIn();
        CaseFile file = cases.register(user, StandardCaseModule.MODULE, StandardCaseModule.child("Rita", "Achan",
                "female"), Locale.ENGLISH);
        Notification older = notifications.notify("task.overdue", user.username(), file.id(),
                "notifications.task.overdue", List.of(file.caseNumber(), "initial_assessment"), "bell-test-1");
        clock.advance(Duration.ofMinutes(5));
        Notification newer = notifications.notify("referral.accepted", user.username(), file.id(),
                "notifications.referral.accepted", List.of(file.caseNumber()), "bell-test-2");

        navigate(HomeView.class);
        NotificationBell bell = $(NotificationBell.class).single();
        assertThat(bell.countText()).isEqualTo("2");

        $(Button.class).id("notification-bell").click();
        Dialog list = $(Dialog.class).id("notification-list");
        assertThat(list.isOpened()).isTrue();
        List<String> ids = $(Button.class).from(list).all().stream().map(b -> b.getId().orElse(""))
                .filter(id -> id.startsWith("notification-") && !id.equals("notification-mark-all-read")).toList();
        assertThat(ids).containsExactly("notification-" + newer.id(), "notification-" + older.id());
        assertThat($(Button.class).id("notification-" + older.id()).getElement().getTextRecursively())
                .startsWith("Case " + file.caseNumber() + ": the initial_assessment step is overdue");
        assertThat($(Button.class).id("notification-" + newer.id()).getElement().getTextRecursively())
                .startsWith("Case " + file.caseNumber() + ": your referral was accepted");

        $(Button.class).id("notification-" + older.id()).click();

        assertThat(notifications.list(user.username(), 10)).filteredOn(n -> n.id().equals(older.id()))
                .singleElement().satisfies(n -> assertThat(n.read()).isTrue());
        assertThat(notifications.unreadCount(user.username())).isEqualTo(1);
        assertThat($(CaseFileView.class).single()).isNotNull();
        assertThat($(NotificationBell.class).single().countText()).isEqualTo("1");
    }

    @Test
    @WithKinshipUser(username = "bell.quiet", agency = "BELLB")
    void withoutNotificationsTheBadgeIsHiddenAndTheListSaysSo() {
        navigate(HomeView.class);
        assertThat($(NotificationBell.class).single().countText()).isEqualTo("0");

        $(Button.class).id("notification-bell").click();

        assertThat($(Dialog.class).id("notification-list").getElement().getTextRecursively())
                .contains("No notifications.");
        assertThat($(Button.class).id("notification-mark-all-read").isEnabled()).isFalse();
    }

    private static KinshipUser signedIn() {
        return (KinshipUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    }
}
