package org.kinship.ui.cases;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.kinship.cases.CaseListService;
import org.kinship.cases.CasePage;
import org.kinship.cases.CaseQuery;
import org.kinship.cases.CaseQuery.SortField;
import org.kinship.cases.CaseSummary;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.LookupService;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.PermissionService;
import org.kinship.security.UserAccount;
import org.kinship.security.UserAccountService;
import org.kinship.security.UserGroupService;

/**
 * The cases the user may see, from the case index: filtered, sorted and paged on the server, a page at a
 * time as the grid scrolls, so the list stays quick with a hundred thousand cases. A row opens the case file.
 */
@Route("cases")
@PermitAll
public class CaseListView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final CaseListService cases;
    private final PermissionService permissions;
    private final UserAccountService accounts;
    private final KinshipUser user;
    private final Grid<CaseSummary> grid = new Grid<>();
    private final CaseFilters filters;
    private final Span total = new Span();
    private final Map<String, String> ownerNames = new HashMap<>();

    public CaseListView(CaseListService cases, RecordModuleService modules, FormDefinitionService forms,
            LookupService lookups, PermissionService permissions, UserAccountService accounts,
            UserGroupService groups, AuthenticationContext authentication) {
        this.cases = cases;
        this.permissions = permissions;
        this.accounts = accounts;
        this.user = CaseAccess.user(authentication);
        setId("case-list-view");
        setSizeFull();
        Locale locale = getLocale();
        RecordModule module = modules.list().stream().filter(m -> "case".equals(m.recordType())).findFirst()
                .orElseThrow();
        ModuleForms moduleForms = new ModuleForms(module, forms);
        ValueTexts values = new ValueTexts(lookups, locale, this::getTranslation);
        filters = new CaseFilters(moduleForms, values, user,
                CaseAgencies.covered(permissions, accounts, groups, user), () -> grid.getDataProvider().refreshAll());
        total.setId("case-total");
        Button register = new Button(getTranslation("cases.register"), VaadinIcon.PLUS.create(),
                click -> getUI().ifPresent(ui -> ui.navigate(CaseRegistrationView.class)));
        register.setId("register-case");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.setVisible(permissions.can(user, org.kinship.security.Permission.Resource.CASE, Action.CREATE));
        HorizontalLayout title = new HorizontalLayout(new H2(getTranslation("cases.list.title")), total, register);
        title.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        columns(moduleForms, values, locale);
        grid.setId("case-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(50);
        grid.setMultiSort(false);
        grid.setItems(query -> fetch(query.getOffset(), query.getLimit(), query.getSortOrders()),
                query -> count());
        grid.addItemClickListener(click -> open(click.getItem()));
        add(title, filters, grid);
        expand(grid);
    }

    private void columns(ModuleForms forms, ValueTexts values, Locale locale) {
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(ZoneId.systemDefault());
        grid.addColumn(CaseSummary::caseNumber).setKey("caseNumber").setSortProperty("caseNumber")
                .setHeader(getTranslation("cases.caseNumber")).setAutoWidth(true);
        grid.addColumn(CaseSummary::name).setKey("name").setSortProperty("name")
                .setHeader(getTranslation("cases.name")).setFlexGrow(2);
        String sexField = forms.module().indexedFields().sex();
        grid.addColumn(row -> values.indexed(forms, sexField, row.sex())).setKey("sex")
                .setHeader(getTranslation("cases.sex")).setAutoWidth(true);
        grid.addColumn(row -> row.age() == null ? ValueTexts.EMPTY : row.age().toString()).setKey("age")
                .setSortProperty("age").setHeader(getTranslation("cases.age")).setAutoWidth(true);
        grid.addComponentColumn(row -> RiskBadge.of(row.riskLevel(), values.risk(forms, row.riskLevel())))
                .setKey("risk").setSortProperty("risk").setHeader(getTranslation("cases.risk")).setAutoWidth(true);
        grid.addColumn(row -> getTranslation("cases.status." + row.status().name().toLowerCase(Locale.ROOT)))
                .setKey("status").setHeader(getTranslation("cases.status")).setAutoWidth(true);
        grid.addColumn(row -> ownerName(row.ownerId())).setKey("owner").setHeader(getTranslation("cases.owner"))
                .setAutoWidth(true);
        grid.addColumn(row -> date.format(row.registeredAt())).setKey("registered").setSortProperty("registered")
                .setHeader(getTranslation("cases.registered")).setAutoWidth(true);
    }

    /** Rows {@code offset .. offset + limit} in the grid's order, read a page of the index at a time. */
    private Stream<CaseSummary> fetch(int offset, int limit, List<com.vaadin.flow.data.provider.QuerySortOrder> orders) {
        if (limit <= 0) {
            return Stream.empty();
        }
        SortField sort = SortField.REGISTERED_AT;
        boolean descending = true;
        if (!orders.isEmpty()) {
            sort = sortField(orders.getFirst().getSorted());
            descending = orders.getFirst().getDirection() == SortDirection.DESCENDING;
        }
        int size = Math.min(limit, CaseQuery.MAX_SIZE);
        int page = offset / size;
        int skip = offset % size;
        List<CaseSummary> rows = new ArrayList<>();
        while (rows.size() < skip + limit) {
            CasePage result = cases.list(user, filters.query(sort, descending, page++, size));
            rows.addAll(result.items());
            if (result.items().size() < size) {
                break;
            }
        }
        return rows.subList(Math.min(skip, rows.size()), Math.min(rows.size(), skip + limit)).stream();
    }

    private int count() {
        long matching = cases.list(user, filters.query(SortField.REGISTERED_AT, true, 0, 1)).total();
        total.setText(getTranslation("cases.list.total", matching));
        return (int) Math.min(Integer.MAX_VALUE, matching);
    }

    private static SortField sortField(String property) {
        return switch (property) {
            case "caseNumber" -> SortField.CASE_NUMBER;
            case "name" -> SortField.NAME;
            case "age" -> SortField.AGE;
            case "risk" -> SortField.RISK_LEVEL;
            default -> SortField.REGISTERED_AT;
        };
    }

    private String ownerName(String ownerId) {
        return ownerNames.computeIfAbsent(ownerId,
                id -> accounts.findById(id).map(UserAccount::displayName).orElse(id));
    }

    private void open(CaseSummary row) {
        getUI().ifPresent(ui -> ui.navigate(CaseFileView.class, new RouteParameters("caseId", row.id())));
    }

    /** The filters and the grid, for view tests. */
    CaseFilters filters() {
        return filters;
    }

    Grid<CaseSummary> grid() {
        return grid;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CaseAccess.allowedOrHidden(event, permissions, user, Action.VIEW);
        // a dashboard tile's link carries its filters: cases?status=OPEN&owner=<id>&riskLevel=high
        filters.apply(event.getLocation().getQueryParameters(), this::ownerName);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cases.list.title");
    }
}
