package org.kinship.ui.cases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.QueryParameters;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseQuery;
import org.kinship.cases.CaseStatus;
import org.kinship.security.Agency;
import org.kinship.security.KinshipUser;

/**
 * The filters of the case list. Choices (sex, risk level, location) come from the module's forms, so they are
 * the labels workers know from registration. Users whose scope reaches more than one agency (a cross-agency
 * group, or every agency) also filter by agency. Every change refreshes the list.
 */
final class CaseFilters extends Composite<HorizontalLayout> {

    final TextField text = new TextField();
    final Select<CaseStatus> status = new Select<>();
    final Select<String> risk = new Select<>();
    final Select<Boolean> mine = new Select<>();
    final Select<String> sex = new Select<>();
    final Select<String> agency = new Select<>();
    final IntegerField minAge = new IntegerField();
    final IntegerField maxAge = new IntegerField();
    final ComboBox<String> location = new ComboBox<>();
    final DatePicker registeredFrom = new DatePicker();
    final DatePicker registeredTo = new DatePicker();
    private static final List<String> LINK_PARAMETERS = List.of("status", "riskLevel", "owner", "agency", "sex",
            "location", "registeredFrom", "registeredTo");

    /** Another user's cases, chosen by a link ({@code owner=<user id>}); cleared with the other filters. */
    final Button otherOwner = new Button();
    private @Nullable String otherOwnerId;
    private final KinshipUser user;
    private final Runnable changed;
    private final List<HasValue<?, ?>> fields = new ArrayList<>();

    CaseFilters(ModuleForms forms, ValueTexts values, KinshipUser user, List<Agency> agencies, Runnable changed) {
        this.user = user;
        this.changed = changed;
        HorizontalLayout row = getContent();
        row.setId("case-filters");
        row.setWrap(true);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        text.setId("case-filter-text");
        text.setLabel(getTranslation("cases.list.search"));
        text.setPlaceholder(getTranslation("cases.list.searchHint"));
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        status.setId("case-filter-status");
        status.setLabel(getTranslation("cases.status"));
        status.setItems(CaseStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("cases.list.any"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("cases.list.any") : statusLabel(s));
        String riskField = forms.module().indexedFields().riskLevel();
        choices(risk, "case-filter-risk", "cases.risk", withNone(forms.field(riskField).map(values::codes)),
                code -> values.risk(forms, code));
        mine.setId("case-filter-owner");
        mine.setLabel(getTranslation("cases.owner"));
        mine.setItems(Boolean.TRUE, Boolean.FALSE);
        mine.setValue(Boolean.FALSE);
        mine.setItemLabelGenerator(me -> getTranslation(Boolean.TRUE.equals(me) ? "cases.list.mine" : "cases.list.anyone"));
        String sexField = forms.module().indexedFields().sex();
        choices(sex, "case-filter-sex", "cases.sex", forms.field(sexField).map(values::codes).orElse(List.of()),
                code -> values.indexed(forms, sexField, code));
        Map<String, String> agencyNames = new HashMap<>();
        agencies.forEach(a -> agencyNames.put(a.code(), a.name()));
        choices(agency, "case-filter-agency", "cases.list.agency", agencies.stream().map(Agency::code).toList(),
                code -> agencyNames.getOrDefault(code, code));
        agency.setVisible(agencies.size() > 1);
        age(minAge, "case-filter-min-age", "cases.list.minAge");
        age(maxAge, "case-filter-max-age", "cases.list.maxAge");
        String locationField = forms.module().indexedFields().location();
        location.setId("case-filter-location");
        location.setLabel(getTranslation("cases.list.location"));
        location.setItems(forms.field(locationField).map(values::codes).orElse(List.of()));
        location.setItemLabelGenerator(code -> values.indexed(forms, locationField, code));
        location.setClearButtonVisible(true);
        registeredFrom.setId("case-filter-from");
        registeredFrom.setLabel(getTranslation("cases.list.registeredFrom"));
        registeredTo.setId("case-filter-to");
        registeredTo.setLabel(getTranslation("cases.list.registeredTo"));
        Button clear = new Button(getTranslation("cases.list.clear"), click -> clear());
        clear.setId("case-filter-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        fields.addAll(List.of(text, status, risk, mine, agency, sex, minAge, maxAge, location, registeredFrom,
                registeredTo));
        fields.forEach(field -> field.addValueChangeListener(change -> changed.run()));
        otherOwner.setId("case-filter-owner-other");
        otherOwner.setIcon(com.vaadin.flow.component.icon.VaadinIcon.CLOSE_SMALL.create());
        otherOwner.setIconAfterText(true);
        otherOwner.addThemeVariants(ButtonVariant.LUMO_SMALL);
        otherOwner.setVisible(false);
        otherOwner.addClickListener(click -> {
            showOwner(null, "");
            changed.run();
        });
        row.add(text, status, risk, mine, otherOwner, agency, sex, minAge, maxAge, location, registeredFrom,
                registeredTo, clear);
    }

    private String statusLabel(CaseStatus status) {
        return getTranslation("cases.status." + status.name().toLowerCase(java.util.Locale.ROOT));
    }

    private void choices(Select<String> select, String id, String labelKey, List<String> codes,
            java.util.function.Function<String, String> label) {
        select.setId(id);
        select.setLabel(getTranslation(labelKey));
        select.setItems(codes);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation("cases.list.any"));
        select.setItemLabelGenerator(code -> code == null ? getTranslation("cases.list.any") : label.apply(code));
    }

    private void age(IntegerField field, String id, String labelKey) {
        field.setId(id);
        field.setLabel(getTranslation(labelKey));
        field.setMin(0);
        field.setMax(120);
        field.setWidth("7em");
        field.setValueChangeMode(ValueChangeMode.LAZY);
    }

    private static List<String> withNone(Optional<List<String>> codes) {
        List<String> all = new ArrayList<>(codes.orElse(List.of()));
        all.add("none");
        return all;
    }

    private void clear() {
        fields.forEach(HasValue::clear);
        mine.setValue(Boolean.FALSE);
        showOwner(null, "");
    }

    /**
     * Sets the filters a link asks for, with the parameters of {@code GET /api/v1/cases} (the dashboard tiles link
     * here with them): {@code status}, {@code riskLevel}, {@code owner}, {@code agency}, {@code sex},
     * {@code location}, {@code registeredFrom}, {@code registeredTo}; the other filters are cleared. A value the list
     * does not offer is ignored.
     *
     * @param ownerName the name to show for another user's id
     */
    void apply(QueryParameters query, java.util.function.Function<String, String> ownerName) {
        if (LINK_PARAMETERS.stream().noneMatch(query.getParameters()::containsKey)) {
            return;
        }
        // the list shows what the link says: filters set before (the view is reused between links) are cleared
        clear();
        query.getSingleParameter("status").flatMap(CaseFilters::status).ifPresent(status::setValue);
        query.getSingleParameter("riskLevel").filter(code -> offers(risk, code)).ifPresent(risk::setValue);
        query.getSingleParameter("sex").filter(code -> offers(sex, code)).ifPresent(sex::setValue);
        query.getSingleParameter("agency").filter(code -> agency.isVisible() && offers(agency, code))
                .ifPresent(agency::setValue);
        query.getSingleParameter("location").filter(code -> !code.isBlank()).ifPresent(location::setValue);
        query.getSingleParameter("registeredFrom").flatMap(CaseFilters::date).ifPresent(registeredFrom::setValue);
        query.getSingleParameter("registeredTo").flatMap(CaseFilters::date).ifPresent(registeredTo::setValue);
        query.getSingleParameter("owner").filter(id -> !id.isBlank()).ifPresent(id -> {
            if (id.equals(user.id())) {
                mine.setValue(Boolean.TRUE);
            } else {
                showOwner(id, ownerName.apply(id));
            }
        });
    }

    private void showOwner(@Nullable String ownerId, String name) {
        otherOwnerId = ownerId;
        otherOwner.setText(ownerId == null ? "" : getTranslation("cases.list.ownerFromLink", name));
        otherOwner.setVisible(ownerId != null);
    }

    private static boolean offers(Select<String> select, String code) {
        return select.getListDataView().getItems().anyMatch(code::equals);
    }

    private static Optional<CaseStatus> status(String value) {
        try {
            return Optional.of(CaseStatus.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<java.time.LocalDate> date(String value) {
        try {
            return Optional.of(java.time.LocalDate.parse(value.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The list query for these filters, page and order. */
    CaseQuery query(CaseQuery.SortField sort, boolean descending, int page, int size) {
        return new CaseQuery(null, status.getValue(), blankToNull(risk.getValue()),
                Boolean.TRUE.equals(mine.getValue()) ? user.id() : otherOwnerId,
                agency.isVisible() ? blankToNull(agency.getValue()) : null, blankToNull(sex.getValue()),
                minAge.getValue(), maxAge.getValue(), blankToNull(location.getValue()), registeredFrom.getValue(),
                registeredTo.getValue(), blankToNull(text.getValue()), sort, descending, page, size);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
