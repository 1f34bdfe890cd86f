package org.kinship.reports.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.reports.ReportDefinition;
import org.kinship.reports.ReportDimension;
import org.kinship.reports.ReportFilter;
import org.kinship.reports.ReportMeasure;
import org.kinship.reports.ReportRefusedException;
import org.kinship.reports.ReportRefusedException.Reason;

/**
 * A report definition checked against the module's catalog: every field resolved, every grouping fitting
 * its field's kind, and the one repeating group (if any) whose items are the counted records; {@code fields}:
 * every field the report reads.
 */
record ReportPlan(String module, List<Axis> rows, List<Axis> columns, List<Condition> filters,
        ReportMeasure.Kind kind, @Nullable ResolvedField sumField, @Nullable String groupPath,
        List<ResolvedField> fields) {

    static final int MAX_ROWS = 3;
    static final int MAX_COLUMNS = 2;

    /** One grouping with its resolved field. */
    record Axis(ResolvedField field, ReportDimension dimension) {
    }

    /** One filter with its resolved field; bounds are ISO dates or numbers as the field's kind asks. */
    record Condition(ResolvedField field, Set<String> values, @Nullable String from, @Nullable String to) {
    }

    static ReportPlan compile(ReportDefinition definition, ReportCatalog catalog) {
        if (definition.rows().isEmpty()) {
            throw new ReportRefusedException(Reason.BAD_REQUEST, "reports.rows.required");
        }
        if (definition.rows().size() > MAX_ROWS || definition.columns().size() > MAX_COLUMNS) {
            throw new ReportRefusedException(Reason.BAD_REQUEST, "reports.dimensions.tooMany", MAX_ROWS, MAX_COLUMNS);
        }
        List<Axis> rows = definition.rows().stream().map(d -> axis(d, catalog)).toList();
        List<Axis> columns = definition.columns().stream().map(d -> axis(d, catalog)).toList();
        List<Condition> filters = definition.filters().stream().map(f -> condition(f, catalog)).toList();
        ResolvedField sum = null;
        if (definition.measure().kind() == ReportMeasure.Kind.SUM) {
            if (definition.measure().field() == null) {
                throw new ReportRefusedException(Reason.BAD_REQUEST, "reports.sum.fieldRequired");
            }
            sum = catalog.resolve(definition.measure().field());
            if (!sum.numeric()) {
                throw new ReportRefusedException(Reason.BAD_REQUEST, Map.of("field", sum.path()),
                        "reports.sum.notNumber", sum.path());
            }
        }
        List<ResolvedField> used = new ArrayList<>();
        rows.forEach(a -> used.add(a.field()));
        columns.forEach(a -> used.add(a.field()));
        filters.forEach(c -> used.add(c.field()));
        if (sum != null) {
            used.add(sum);
        }
        Set<String> groups = new LinkedHashSet<>();
        used.stream().map(ResolvedField::groupPath).filter(Objects::nonNull).forEach(groups::add);
        if (groups.size() > 1) {
            throw new ReportRefusedException(Reason.BAD_REQUEST, "reports.groups.several", String.join(", ", groups));
        }
        return new ReportPlan(catalog.module().id(), rows, columns, filters, definition.measure().kind(), sum,
                groups.isEmpty() ? null : groups.iterator().next(), List.copyOf(used));
    }

    private static Axis axis(ReportDimension dimension, ReportCatalog catalog) {
        ResolvedField field = catalog.resolve(dimension.field());
        if (dimension.dates() != null && !field.dated()) {
            throw new ReportRefusedException(Reason.BAD_REQUEST, Map.of("field", field.path()),
                    "reports.dates.notDate", field.path());
        }
        if (!dimension.ranges().isEmpty()) {
            if (!field.numeric()) {
                throw new ReportRefusedException(Reason.BAD_REQUEST, Map.of("field", field.path()),
                        "reports.ranges.notNumber", field.path());
            }
            for (int i = 1; i < dimension.ranges().size(); i++) {
                if (dimension.ranges().get(i) <= dimension.ranges().get(i - 1)) {
                    throw new ReportRefusedException(Reason.BAD_REQUEST, Map.of("field", field.path()),
                            "reports.ranges.notAscending", field.path());
                }
            }
        }
        return new Axis(field, dimension);
    }

    private static Condition condition(ReportFilter filter, ReportCatalog catalog) {
        ResolvedField field = catalog.resolve(filter.field());
        if (filter.values().isEmpty() && filter.from() == null && filter.to() == null) {
            throw new ReportRefusedException(Reason.BAD_REQUEST, Map.of("field", field.path()),
                    "reports.filter.empty", field.path());
        }
        for (String bound : new String[] {filter.from(), filter.to()}) {
            if (bound != null && !validBound(field, bound)) {
                throw new ReportRefusedException(Reason.BAD_REQUEST, Map.of("field", field.path()),
                        "reports.filter.badBound", bound, field.path());
            }
        }
        return new Condition(field, Set.copyOf(filter.values()), filter.from(), filter.to());
    }

    private static boolean validBound(ResolvedField field, String bound) {
        try {
            if (field.dated()) {
                LocalDate.parse(bound);
                return true;
            }
            if (field.numeric()) {
                new BigDecimal(bound);
                return true;
            }
            return false;
        } catch (DateTimeParseException | NumberFormatException e) {
            return false;
        }
    }
}
