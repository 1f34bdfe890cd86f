package org.kinship.ui.admin;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditActor;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditOutcome;
import org.kinship.audit.AuditPage;
import org.kinship.audit.AuditQuery;
import org.kinship.audit.AuditVerification;
import org.kinship.audit.AuditVerifier;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;

/**
 * The audit log, newest first, filtered by actor, action, resource and dates, a page at a time; "Verify
 * chain" walks the hash chain (ADR 0004). Like the REST API, it needs {@code audit_log:view} and reading the
 * log is itself recorded ({@code audit.view}).
 */
@Route("admin/audit")
@PermitAll
public class AuditView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final int PAGE_SIZE = 50;

    private final AuditLog audit;
    private final AuditVerifier verifier;
    private final PermissionService permissions;
    private final KinshipUser user;
    final TextField actor = new TextField();
    final TextField action = new TextField();
    final TextField resource = new TextField();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Span pageInfo = new Span();
    private final Span verification = new Span();
    private int page;
    private long total;

    public AuditView(AuditLog audit, AuditVerifier verifier, PermissionService permissions,
            AuthenticationContext authentication) {
        this.audit = audit;
        this.verifier = verifier;
        this.permissions = permissions;
        this.user = AdminAccess.user(authentication);
        setId("audit-view");
        actor.setLabel(getTranslation("admin.audit.actor"));
        action.setLabel(getTranslation("admin.audit.action"));
        resource.setLabel(getTranslation("admin.audit.resource"));
        from.setLabel(getTranslation("admin.audit.from"));
        to.setLabel(getTranslation("admin.audit.to"));
        Button search = new Button(getTranslation("admin.audit.search"), click -> search(0));
        search.setId("audit-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout filters = new HorizontalLayout(actor, action, resource, from, to, search);
        filters.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        filters.setWrap(true);
        grid.setId("audit-grid");
        grid.addColumn(AuditEntry::sequence).setHeader("#").setAutoWidth(true);
        grid.addColumn(entry -> entry.at().toString()).setHeader(getTranslation("admin.audit.at")).setAutoWidth(true);
        grid.addColumn(AuditEntry::actorName).setHeader(getTranslation("admin.audit.actor"));
        grid.addColumn(AuditEntry::action).setHeader(getTranslation("admin.audit.action"));
        grid.addColumn(entry -> text(entry.resourceType()) + " " + text(entry.resourceId()))
                .setHeader(getTranslation("admin.audit.resource"));
        grid.addColumn(entry -> entry.outcome().name().toLowerCase(java.util.Locale.ROOT))
                .setHeader(getTranslation("admin.audit.outcome"));
        grid.addColumn(entry -> entry.details().toString()).setHeader(getTranslation("admin.audit.details"))
                .setFlexGrow(2);
        Button previous = new Button(getTranslation("admin.audit.previous"), click -> search(page - 1));
        previous.setId("audit-previous");
        Button next = new Button(getTranslation("admin.audit.next"), click -> search(page + 1));
        next.setId("audit-next");
        pageInfo.setId("audit-page");
        Button verify = new Button(getTranslation("admin.audit.verify"), click -> verify());
        verify.setId("audit-verify");
        verification.setId("audit-verification");
        add(new H2(getTranslation("nav.audit")), filters, grid, new HorizontalLayout(previous, pageInfo, next),
                new HorizontalLayout(verify, verification));
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (AdminAccess.allowedOrHidden(event, permissions, user, Resource.AUDIT_LOG, Action.VIEW)) {
            search(0);
        }
    }

    /** Shows the given page of entries matching the filters (clamped to the pages that exist). */
    void search(int requested) {
        permissions.require(user, Resource.AUDIT_LOG, Action.VIEW, null);
        int last = total == 0 ? 0 : (int) ((total - 1) / PAGE_SIZE);
        page = Math.max(0, Math.min(requested, last));
        AuditPage result = audit.search(new AuditQuery(blankToNull(actor.getValue()), blankToNull(action.getValue()),
                blankToNull(resource.getValue()), null, start(from.getValue()), start(to.getValue() == null ? null
                        : to.getValue().plusDays(1))), page, PAGE_SIZE);
        audit.record(AuditActor.of(user), AuditActions.AUDIT_VIEW, "audit_log", null, AuditOutcome.SUCCESS,
                Map.of("page", String.valueOf(page)));
        total = result.total();
        grid.setItems(result.entries());
        pageInfo.setText(getTranslation("admin.audit.page", page + 1, Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE),
                total));
    }

    /** Walks the chain and shows intact or the first broken entry and why. */
    AuditVerification verify() {
        permissions.require(user, Resource.AUDIT_LOG, Action.VIEW, null);
        AuditVerification result = verifier.verify();
        audit.record(AuditActor.of(user), AuditActions.AUDIT_VIEW, "audit_log", null, AuditOutcome.SUCCESS,
                Map.of("verification", result.intact() ? "intact" : "broken"));
        verification.setText(result.intact()
                ? getTranslation("admin.audit.intact", result.entriesChecked(), result.headSequence(),
                        String.valueOf(result.headHash()))
                : getTranslation("admin.audit.broken", String.valueOf(result.brokenSequence()),
                        getTranslation("admin.audit.problem." + result.problem())));
        return result;
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }

    private static java.time.@Nullable Instant start(@Nullable LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    java.util.List<AuditEntry> shown() {
        return grid.getGenericDataView().getItems().toList();
    }

    String pageText() {
        return pageInfo.getText();
    }

    String verificationText() {
        return verification.getText();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.audit") + " · " + getTranslation("app.name");
    }
}
