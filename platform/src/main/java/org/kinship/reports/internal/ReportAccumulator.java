package org.kinship.reports.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.kinship.reports.ReportMeasure;

/**
 * Counts (or sums) the records of one report as the cases stream past: each case, or each item of the
 * plan's repeating group, that passes every filter adds its value to every cell its keys fall in, and once to
 * its row total, its column total and the grand total (so a multiple choice never counts a record twice in a
 * total).
 */
final class ReportAccumulator {

    private final ReportPlan plan;
    private final Map<List<String>, Map<List<String>, BigDecimal>> cells = new HashMap<>();
    private final Map<List<String>, BigDecimal> rowTotals = new HashMap<>();
    private final Map<List<String>, BigDecimal> columnTotals = new HashMap<>();
    private final List<Set<String>> rowKeysSeen = new ArrayList<>();
    private final List<Set<String>> columnKeysSeen = new ArrayList<>();
    private BigDecimal total = BigDecimal.ZERO;
    private long records;

    ReportAccumulator(ReportPlan plan) {
        this.plan = plan;
        plan.rows().forEach(a -> rowKeysSeen.add(new LinkedHashSet<>()));
        plan.columns().forEach(a -> columnKeysSeen.add(new LinkedHashSet<>()));
    }

    /**
     * Counts one case: itself, or each item of the plan's repeating group.
     *
     * @param caseValues the values of a case-level field (case attribute or section field) of this case
     * @param items      the items of the plan's repeating group in this case (asked only when the plan has one)
     */
    void add(Function<ResolvedField, List<Object>> caseValues, Supplier<List<Map<?, ?>>> items) {
        if (plan.groupPath() == null) {
            addRecord(caseValues);
        } else {
            for (Map<?, ?> item : items.get()) {
                addRecord(field -> field.group() == null ? caseValues.apply(field) : FieldValues.itemValues(field, item));
            }
        }
    }

    private void addRecord(Function<ResolvedField, List<Object>> values) {
        for (ReportPlan.Condition condition : plan.filters()) {
            if (!FieldValues.passes(condition, values.apply(condition.field()))) {
                return;
            }
        }
        BigDecimal value = BigDecimal.ONE;
        if (plan.kind() == ReportMeasure.Kind.SUM) {
            value = values.apply(plan.sumField()).stream().map(FieldValues::number)
                    .filter(n -> n != null).findFirst().orElse(BigDecimal.ZERO);
        }
        List<List<String>> rowKeys = combinations(plan.rows(), values, rowKeysSeen);
        List<List<String>> columnKeys = combinations(plan.columns(), values, columnKeysSeen);
        for (List<String> row : rowKeys) {
            Map<List<String>, BigDecimal> rowCells = cells.computeIfAbsent(row, r -> new HashMap<>());
            for (List<String> column : columnKeys) {
                rowCells.merge(column, value, BigDecimal::add);
            }
            rowTotals.merge(row, value, BigDecimal::add);
        }
        for (List<String> column : columnKeys) {
            columnTotals.merge(column, value, BigDecimal::add);
        }
        total = total.add(value);
        records++;
    }

    private static List<List<String>> combinations(List<ReportPlan.Axis> axes,
            Function<ResolvedField, List<Object>> values, List<Set<String>> seen) {
        List<List<String>> combinations = new ArrayList<>();
        combinations.add(List.of());
        for (int i = 0; i < axes.size(); i++) {
            ReportPlan.Axis axis = axes.get(i);
            List<String> keys = FieldValues.keys(axis.dimension(), axis.field(), values.apply(axis.field()));
            seen.get(i).addAll(keys);
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : combinations) {
                for (String key : keys) {
                    List<String> combined = new ArrayList<>(prefix);
                    combined.add(key);
                    next.add(List.copyOf(combined));
                }
            }
            combinations = next;
        }
        return combinations;
    }

    BigDecimal cell(List<String> row, List<String> column) {
        return cells.getOrDefault(row, Map.of()).getOrDefault(column, BigDecimal.ZERO);
    }

    BigDecimal rowTotal(List<String> row) {
        return rowTotals.getOrDefault(row, BigDecimal.ZERO);
    }

    BigDecimal columnTotal(List<String> column) {
        return columnTotals.getOrDefault(column, BigDecimal.ZERO);
    }

    BigDecimal total() {
        return total;
    }

    long records() {
        return records;
    }

    Set<List<String>> rowsSeen() {
        return rowTotals.keySet();
    }

    Set<List<String>> columnsSeen() {
        return columnTotals.keySet();
    }

    List<Set<String>> rowKeysSeen() {
        return rowKeysSeen;
    }

    List<Set<String>> columnKeysSeen() {
        return columnKeysSeen;
    }
}
