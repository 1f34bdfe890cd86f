package org.kinship.reports.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.kinship.security.RecordScope;

/**
 * The query of a report over the {@link ReportIndex}: the module, the user's scope (the rule of
 * {@link RecordScope#toMongoFilter} on the scope terms of each case) and the filters on case attributes, so that
 * only the cases the report may count are read. Every filter is applied again on the values read.
 */
final class ReportQueries {

    private ReportQueries() {
    }

    static Query query(ReportPlan plan, RecordScope scope) {
        BooleanQuery.Builder all = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(ReportIndex.MODULE, plan.module())), Occur.FILTER)
                .add(scope(scope), Occur.FILTER);
        for (ReportPlan.Condition condition : plan.filters()) {
            ResolvedField field = condition.field();
            if (!field.builtin()) {
                continue;
            }
            if (!condition.values().isEmpty()) {
                // case attributes are stored as text: their values index as they are
                all.add(new TermInSetQuery(ReportIndex.valuesField(field.path()), condition.values().stream().sorted()
                        .map(value -> ReportIndex.encode(value)).toList()), Occur.FILTER);
            }
            if (field.path().equals(ReportFields.REGISTERED_AT)
                    && (condition.from() != null || condition.to() != null)) {
                long from = condition.from() == null ? Long.MIN_VALUE : startOf(LocalDate.parse(condition.from()));
                long to = condition.to() == null ? Long.MAX_VALUE
                        : startOf(LocalDate.parse(condition.to()).plusDays(1)) - 1;
                all.add(LongPoint.newRangeQuery(ReportIndex.REGISTERED, from, to), Occur.FILTER);
            }
        }
        return all.build();
    }

    static Query scope(RecordScope scope) {
        return switch (scope.level()) {
            case ALL -> new MatchAllDocsQuery();
            case NONE -> new MatchNoDocsQuery();
            default -> {
                BooleanQuery.Builder any = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(ReportIndex.OWNER, scope.userId())), Occur.SHOULD)
                        .add(new TermQuery(new Term(ReportIndex.ASSIGNED, scope.userId())), Occur.SHOULD);
                if (scope.level() == RecordScope.Level.GROUP) {
                    scope.groupIds().stream().sorted()
                            .forEach(g -> any.add(new TermQuery(new Term(ReportIndex.GROUP, g)), Occur.SHOULD));
                }
                if (scope.level() == RecordScope.Level.AGENCY && scope.agencyCode() != null) {
                    any.add(new TermQuery(new Term(ReportIndex.AGENCY, scope.agencyCode())), Occur.SHOULD);
                }
                yield any.build();
            }
        };
    }

    private static long startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
