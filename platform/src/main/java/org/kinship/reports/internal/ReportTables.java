package org.kinship.reports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.kinship.forms.FieldKind;
import org.kinship.i18n.Messages;
import org.kinship.reports.ReportMeasure;
import org.kinship.reports.ReportResult;
import org.kinship.reports.ReportResult.Header;
import org.kinship.reports.ReportResult.Row;
import org.springframework.stereotype.Component;

/**
 * Lays an accumulated report out as a table: every known value of a choice or range grouping appears (with
 * zero when nothing falls in it), then other values seen, the blank value last; values are labelled in the
 * requested language.
 */
@Component
class ReportTables {

    /** Beyond this many combinations only those that occur are listed. */
    private static final int MAX_COMPLETE = 500;

    private final ReportFields fields;
    private final Messages messages;

    ReportTables(ReportFields fields, Messages messages) {
        this.fields = fields;
        this.messages = messages;
    }

    ReportResult table(ReportPlan plan, ReportAccumulator sums, Locale locale, Instant computedAt) {
        List<List<String>> rowDomains = domains(plan.rows(), sums.rowKeysSeen());
        List<List<String>> columnDomains = domains(plan.columns(), sums.columnKeysSeen());
        List<List<String>> rows = combinations(rowDomains, sums.rowsSeen());
        List<List<String>> columns = combinations(columnDomains, sums.columnsSeen());
        Map<String, String> labelCache = new HashMap<>();
        List<Header> columnHeaders = columns.stream().map(c -> header(plan.columns(), c, locale, labelCache)).toList();
        List<Row> tableRows = new ArrayList<>();
        for (List<String> row : rows) {
            List<BigDecimal> cells = columns.stream().map(column -> sums.cell(row, column)).toList();
            tableRows.add(new Row(header(plan.rows(), row, locale, labelCache), cells, sums.rowTotal(row)));
        }
        List<BigDecimal> columnTotals = columns.stream().map(sums::columnTotal).toList();
        String language = locale.getLanguage();
        return new ReportResult(plan.module(), plan.rows().stream().map(a -> a.field().labelIn(language)).toList(),
                plan.columns().stream().map(a -> a.field().labelIn(language)).toList(), columnHeaders, tableRows,
                columnTotals, sums.total(),
                new ReportMeasure(plan.kind(), plan.sumField() == null ? null : plan.sumField().path()),
                plan.groupPath() == null ? "case" : plan.groupPath(), sums.records(), computedAt);
    }

    private static List<List<String>> domains(List<ReportPlan.Axis> axes, List<Set<String>> seen) {
        List<List<String>> domains = new ArrayList<>();
        for (int i = 0; i < axes.size(); i++) {
            domains.add(domain(axes.get(i), seen.get(i)));
        }
        return domains;
    }

    private static List<String> domain(ReportPlan.Axis axis, Set<String> seen) {
        Set<String> ordered = new LinkedHashSet<>();
        ResolvedField field = axis.field();
        if (!axis.dimension().ranges().isEmpty()) {
            if (seen.contains("<" + axis.dimension().ranges().getFirst())) {
                ordered.add("<" + axis.dimension().ranges().getFirst());
            }
            ordered.addAll(FieldValues.rangeLabels(axis.dimension().ranges()));
        } else if (field.kind() == FieldKind.YES_NO) {
            ordered.add("true");
            ordered.add("false");
        } else if (field.kind() == FieldKind.SINGLE_CHOICE || field.kind() == FieldKind.MULTIPLE_CHOICE) {
            ordered.addAll(field.options().keySet());
        }
        List<String> others = seen.stream().filter(k -> !k.isEmpty() && !ordered.contains(k))
                .sorted(field.numeric() && axis.dimension().ranges().isEmpty()
                        ? Comparator.comparing(ReportTables::numberOrZero) : Comparator.naturalOrder())
                .toList();
        ordered.addAll(others);
        if (seen.contains(FieldValues.BLANK)) {
            ordered.add(FieldValues.BLANK);
        }
        return List.copyOf(ordered);
    }

    private static BigDecimal numberOrZero(String key) {
        BigDecimal number = FieldValues.number(key);
        return number == null ? BigDecimal.ZERO : number;
    }

    /** Every combination of the domains when there are few enough, else those that occur, in domain order. */
    private static List<List<String>> combinations(List<List<String>> domains, Set<List<String>> seen) {
        long product = 1;
        for (List<String> domain : domains) {
            product *= Math.max(1, domain.size());
        }
        List<List<String>> all = new ArrayList<>();
        all.add(List.of());
        for (List<String> domain : domains) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : all) {
                for (String key : domain) {
                    List<String> combined = new ArrayList<>(prefix);
                    combined.add(key);
                    if (product <= MAX_COMPLETE || seenPrefix(seen, combined)) {
                        next.add(List.copyOf(combined));
                    }
                }
            }
            all = next;
        }
        return all;
    }

    private static boolean seenPrefix(Set<List<String>> seen, List<String> prefix) {
        return seen.stream().anyMatch(key -> key.subList(0, prefix.size()).equals(prefix));
    }

    private Header header(List<ReportPlan.Axis> axes, List<String> keys, Locale locale, Map<String, String> cache) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            ReportPlan.Axis axis = axes.get(i);
            String key = keys.get(i);
            labels.add(cache.computeIfAbsent(axis.field().path() + "\u0000" + key, k -> label(axis, key, locale)));
        }
        if (axes.isEmpty()) {
            labels.add(messages.get(locale, "reports.measure.total"));
        }
        return new Header(keys, labels);
    }

    private String label(ReportPlan.Axis axis, String key, Locale locale) {
        if (key.isEmpty()) {
            return messages.get(locale, "reports.blank");
        }
        if (!axis.dimension().ranges().isEmpty() || axis.field().dated()) {
            return key;
        }
        if (axis.field().kind() == FieldKind.YES_NO) {
            return messages.get(locale, "true".equals(key) ? "reports.yes" : "reports.no");
        }
        return fields.valueLabel(axis.field(), key, locale);
    }
}
