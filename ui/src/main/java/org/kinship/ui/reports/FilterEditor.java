package org.kinship.ui.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import org.kinship.reports.ReportFilter;
import org.kinship.reports.ReportableField;

/** One filter of a report: a field and the values it must have, or the range (dates, numbers) it must lie in. */
class FilterEditor extends HorizontalLayout {

    final ComboBox<ReportableField> field = new ComboBox<>();
    final MultiSelectComboBox<String> values = new MultiSelectComboBox<>();
    final TextField from = new TextField();
    final TextField to = new TextField();
    private Map<String, String> labels = Map.of();

    FilterEditor() {
        setId("report-filter");
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        field.setId("report-filter-field");
        field.setLabel(getTranslation("reports.ui.filter"));
        field.setItemLabelGenerator(ReportableField::label);
        field.setClearButtonVisible(true);
        values.setId("report-filter-values");
        values.setLabel(getTranslation("reports.ui.filter.values"));
        values.setItemLabelGenerator(v -> labels.getOrDefault(v, v));
        values.setAllowCustomValue(true);
        values.addCustomValueSetListener(e -> {
            List<String> items = new ArrayList<>(values.getGenericDataView().getItems().toList());
            items.add(e.getDetail());
            values.setItems(items);
            values.select(e.getDetail());
        });
        from.setId("report-filter-from");
        from.setLabel(getTranslation("reports.ui.filter.from"));
        to.setId("report-filter-to");
        to.setLabel(getTranslation("reports.ui.filter.to"));
        field.addValueChangeListener(e -> adapt(e.getValue()));
        adapt(null);
        add(field, values, from, to);
    }

    void setFields(List<ReportableField> fields) {
        field.setItems(fields);
    }

    private void adapt(@Nullable ReportableField chosen) {
        boolean ranged = chosen != null && (DimensionEditor.DATES.contains(chosen.kind())
                || DimensionEditor.NUMBERS.contains(chosen.kind()));
        values.setVisible(chosen != null && !ranged);
        from.setVisible(ranged);
        to.setVisible(ranged);
        if (chosen != null && !ranged) {
            labels = chosen.kind().equals("yes_no") ? Map.of("true", getTranslation("reports.yes"), "false",
                    getTranslation("reports.no")) : chosen.options();
            values.setItems(new ArrayList<>(labels.keySet()));
        }
    }

    Optional<ReportFilter> filter() {
        ReportableField chosen = field.getValue();
        if (chosen == null) {
            return Optional.empty();
        }
        return Optional.of(new ReportFilter(chosen.path(), values.isVisible() ? List.copyOf(values.getValue())
                : List.of(), blankToNull(from), blankToNull(to)));
    }

    void load(@Nullable ReportFilter filter, List<ReportableField> fields) {
        field.setValue(filter == null ? null : fields.stream().filter(f -> f.path().equals(filter.field())).findFirst()
                .orElse(null));
        if (filter != null) {
            values.setValue(java.util.Set.copyOf(filter.values()));
            from.setValue(filter.from() == null ? "" : filter.from());
            to.setValue(filter.to() == null ? "" : filter.to());
        }
    }

    private static @Nullable String blankToNull(TextField field) {
        return !field.isVisible() || field.getValue().isBlank() ? null : field.getValue().strip();
    }
}
