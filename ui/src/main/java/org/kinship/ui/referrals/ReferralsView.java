package org.kinship.ui.referrals;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseRouting;
import org.kinship.cases.CaseRoutingService;
import org.kinship.referrals.Referral;
import org.kinship.referrals.ReferralRefusedException;
import org.kinship.referrals.ReferralService;
import org.kinship.referrals.ReferralStatus;
import org.kinship.referrals.ReferralSummary;
import org.kinship.referrals.ServiceDirectory;
import org.kinship.referrals.ServiceType;
import org.kinship.security.KinshipUser;
import org.kinship.shared.StaleVersionException;

/**
 * The signed-in user's referrals: "sent by me" and "received by me or my agency", filtered by status, with the
 * answers the user may give (the recipient accepts, rejects with a reason, marks done; the sender revokes).
 * Overdue responses are marked. Shows case numbers and service names only, never child data.
 */
@Route("referrals")
@PermitAll
public class ReferralsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private final ReferralService referrals;
    private final CaseRoutingService cases;
    private final KinshipUser user;
    private final Map<String, ServiceType> serviceTypes;
    private final Tab sent = new Tab();
    private final Tab received = new Tab();
    private final Tabs box = new Tabs();
    private final ComboBox<ReferralStatus> status = new ComboBox<>();
    private final Checkbox overdueOnly = new Checkbox();
    private final Grid<Referral> grid = new Grid<>();
    private final Span summary = new Span();

    public ReferralsView(ReferralService referrals, ServiceDirectory directory, CaseRoutingService cases,
            AuthenticationContext authentication) {
        this.referrals = referrals;
        this.cases = cases;
        this.user = authentication.getAuthenticatedUser(KinshipUser.class).orElseThrow();
        this.serviceTypes = directory.serviceTypes().stream()
                .collect(Collectors.toMap(ServiceType::code, Function.identity()));
        setId("referrals-view");
        sent.setLabel(getTranslation("referrals.view.sent"));
        sent.setId("referrals-sent");
        received.setLabel(getTranslation("referrals.view.received"));
        received.setId("referrals-received");
        box.add(received, sent);
        box.addSelectedChangeListener(event -> refresh());
        status.setId("referrals-status");
        status.setLabel(getTranslation("referrals.view.status"));
        status.setItems(ReferralStatus.values());
        status.setItemLabelGenerator(this::statusLabel);
        status.setClearButtonVisible(true);
        status.setPlaceholder(getTranslation("referrals.view.allStatuses"));
        status.addValueChangeListener(event -> refresh());
        overdueOnly.setId("referrals-overdue");
        overdueOnly.setLabel(getTranslation("referrals.view.overdueOnly"));
        overdueOnly.addValueChangeListener(event -> refresh());
        grid.setId("referrals-grid");
        grid.addColumn(this::caseNumber).setHeader(getTranslation("referrals.view.case"));
        grid.addColumn(r -> serviceLabel(r.serviceType())).setHeader(getTranslation("referrals.view.service"));
        grid.addColumn(Referral::toAgencyCode).setHeader(getTranslation("referrals.view.to"));
        grid.addColumn(r -> r.fromAgencyCode() == null ? "" : r.fromAgencyCode())
                .setHeader(getTranslation("referrals.view.from"));
        grid.addColumn(r -> statusLabel(r.status())).setHeader(getTranslation("referrals.view.status"));
        grid.addColumn(this::deadline).setHeader(getTranslation("referrals.view.respondBy"));
        grid.addComponentColumn(this::actions).setHeader(getTranslation("referrals.view.actions")).setFlexGrow(2);
        summary.setId("referrals-summary");
        add(new H2(getTranslation("referrals.view.title")), summary, new HorizontalLayout(box, status, overdueOnly),
                grid);
        setSizeFull();
        refresh();
    }

    /**
     * Filters from the address, as the dashboard tile links them: {@code box=sent|received}, {@code status=<key>}
     * ({@code in_progress}, {@code accepted}, ...), {@code overdue=true}; a filter the address does not name (or names
     * wrongly) is reset, so the page shows exactly what the link counted.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        box.setSelectedTab(query.getSingleParameter("box").filter("sent"::equals).isPresent() ? sent : received);
        status.setValue(query.getSingleParameter("status").flatMap(ReferralsView::statusOf).orElse(null));
        overdueOnly.setValue(query.getSingleParameter("overdue").map(Boolean::parseBoolean).orElse(false));
        refresh();
    }

    private static java.util.Optional<ReferralStatus> statusOf(String key) {
        return java.util.Arrays.stream(ReferralStatus.values()).filter(s -> s.key().equals(key)).findFirst();
    }

    /** Shows the received or the sent referrals. */
    void showSent(boolean showSent) {
        box.setSelectedTab(showSent ? sent : received);
    }

    void filter(@Nullable ReferralStatus wanted) {
        status.setValue(wanted);
        refresh();
    }

    List<Referral> shown() {
        return grid.getGenericDataView().getItems().toList();
    }

    /** The answers the user may give to this referral, as the buttons of its row offer them. */
    List<String> actionsFor(Referral referral) {
        boolean mine = referral.fromUserId().equals(user.id());
        boolean toMe = referral.isRecipient(user.id(), user.agencyCode());
        return switch (referral.status()) {
            case IN_PROGRESS -> toMe ? List.of("accept", "reject") : mine ? List.of("revoke") : List.of();
            case ACCEPTED -> toMe ? List.of("done") : mine ? List.of("revoke") : List.of();
            default -> List.of();
        };
    }

    void accept(Referral referral) {
        act(() -> referrals.accept(user, referral.id()));
    }

    void done(Referral referral) {
        act(() -> referrals.done(user, referral.id()));
    }

    /** Opens the dialog that asks why. */
    ReasonDialog reject(Referral referral) {
        ReasonDialog dialog = new ReasonDialog(getTranslation("referrals.view.rejectTitle"), true,
                reason -> act(() -> referrals.reject(user, referral.id(), reason)));
        dialog.open();
        return dialog;
    }

    ReasonDialog revoke(Referral referral) {
        ReasonDialog dialog = new ReasonDialog(getTranslation("referrals.view.revokeTitle"), false,
                reason -> act(() -> referrals.revoke(user, referral.id(), reason)));
        dialog.open();
        return dialog;
    }

    private boolean act(Runnable action) {
        try {
            action.run();
            refresh();
            return true;
        } catch (ReferralRefusedException e) {
            Notification.show(getTranslation(e.messageKey(), translated(e.args())));
            refresh();
            return false;
        } catch (StaleVersionException e) {
            Notification.show(getTranslation("referrals.stale"));
            refresh();
            return false;
        }
    }

    private Object[] translated(Object[] args) {
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof String text && text.contains(".")) {
                shown[i] = getTranslation(text);
            }
        }
        return shown;
    }

    private HorizontalLayout actions(Referral referral) {
        HorizontalLayout buttons = new HorizontalLayout();
        for (String action : actionsFor(referral)) {
            Button button = new Button(getTranslation("referrals.view.action." + action), click -> {
                switch (action) {
                    case "accept" -> accept(referral);
                    case "reject" -> reject(referral);
                    case "done" -> done(referral);
                    default -> revoke(referral);
                }
            });
            button.setId("referral-" + action + "-" + referral.id());
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            buttons.add(button);
        }
        return buttons;
    }

    /** The tile: received in progress / accepted, overdue responses received and sent. */
    String summaryText() {
        return summary.getText();
    }

    private void refresh() {
        ReferralSummary counts = referrals.summary(user);
        summary.setText(getTranslation("referrals.view.summary",
                counts.received().getOrDefault(ReferralStatus.IN_PROGRESS, 0L),
                counts.received().getOrDefault(ReferralStatus.ACCEPTED, 0L), counts.overdueReceived(),
                counts.sent().getOrDefault(ReferralStatus.IN_PROGRESS, 0L)
                        + counts.sent().getOrDefault(ReferralStatus.ACCEPTED, 0L), counts.overdueSent()));
        ReferralStatus wanted = status.getValue();
        List<Referral> listed = box.getSelectedTab() == sent ? referrals.sent(user, wanted)
                : referrals.received(user, wanted);
        grid.setItems(Boolean.TRUE.equals(overdueOnly.getValue()) ? listed.stream().filter(referrals::overdue).toList()
                : listed);
    }

    private String caseNumber(Referral referral) {
        return cases.find(referral.caseId()).map(CaseRouting::caseNumber).orElse("-");
    }

    private String serviceLabel(String code) {
        ServiceType type = serviceTypes.get(code);
        return type == null ? code : type.label().getOrDefault(getLocale().getLanguage(),
                type.label().getOrDefault("en", code));
    }

    private String statusLabel(ReferralStatus value) {
        return getTranslation("referrals.status." + value.key());
    }

    private String deadline(Referral referral) {
        String date = DATE.format(referral.respondBy());
        return referrals.overdue(referral) ? getTranslation("referrals.view.overdue", date) : date;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("referrals.view.title");
    }

    /** Whether the view shows a referral as overdue (for tests). */
    boolean overdue(Referral referral) {
        return !deadline(referral).equals(DATE.format(referral.respondBy()));
    }
}
