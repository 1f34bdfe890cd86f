package org.kinship.ui.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import org.kinship.reports.DateGrouping;
import org.kinship.reports.ReportDimension;
import org.kinship.reports.ReportableField;

/**
 * One grouping of a report: a field, and for a date how to group it, for a number its ranges (an age group's
 * lower bounds such as {@code 0, 5, 12, 18}).
 */
class DimensionEditor extends HorizontalLayout {

    static final Set<String> DATES = Set.of("date", "date_time");
    static final Set<String> NUMBERS = Set.of("integer", "decimal", "calculated");

    final ComboBox<ReportableField> field = new ComboBox<>();
    final Select<DateGrouping> dates = new Select<>();
    final TextField ranges = new TextField();

    DimensionEditor(String id, String label) {
        setId(id);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        field.setId(id + "-field");
        field.setLabel(label);
        field.setItemLabelGenerator(ReportableField::label);
        field.setClearButtonVisible(true);
        field.setWidth("18em");
        dates.setId(id + "-dates");
        dates.setLabel(getTranslation("reports.ui.dates"));
        dates.setItems(DateGrouping.values());
        dates.setItemLabelGenerator(g -> getTranslation("reports.ui.dates." + (g == null ? "DAY" : g.name())));
        dates.setEmptySelectionAllowed(true);
        dates.setEmptySelectionCaption(getTranslation("reports.ui.dates.DAY"));
        ranges.setId(id + "-ranges");
        ranges.setLabel(getTranslation("reports.ui.ranges"));
        ranges.setPlaceholder("0, 5, 12, 18");
        field.addValueChangeListener(e -> adapt(e.getValue()));
        adapt(null);
        add(field, dates, ranges);
    }

    void setFields(List<ReportableField> fields) {
        field.setItems(fields);
    }

    private void adapt(@Nullable ReportableField chosen) {
        dates.setVisible(chosen != null && DATES.contains(chosen.kind()));
        ranges.setVisible(chosen != null && NUMBERS.contains(chosen.kind()));
    }

    /** The grouping, or empty when no field is chosen. */
    Optional<ReportDimension> dimension() {
        ReportableField chosen = field.getValue();
        if (chosen == null) {
            return Optional.empty();
        }
        DateGrouping grouping = dates.isVisible() ? dates.getValue() : null;
        List<Integer> bounds = ranges.isVisible() ? bounds(ranges.getValue()) : List.of();
        return Optional.of(new ReportDimension(chosen.path(), grouping, bounds));
    }

    void load(@Nullable ReportDimension dimension, List<ReportableField> fields) {
        field.setValue(dimension == null ? null : fields.stream().filter(f -> f.path().equals(dimension.field()))
                .findFirst().orElse(null));
        dates.setValue(dimension == null ? null : dimension.dates());
        ranges.setValue(dimension == null ? "" : String.join(", ",
                dimension.ranges().stream().map(String::valueOf).toList()));
    }

    /** {@code "0, 5, 12"} as numbers; throws {@link IllegalArgumentException} on anything else. */
    static List<Integer> bounds(String text) {
        List<Integer> bounds = new ArrayList<>();
        for (String part : text.split("[,;\\s]+")) {
            if (!part.isBlank()) {
                bounds.add(Integer.parseInt(part.strip()));
            }
        }
        return bounds;
    }
}
