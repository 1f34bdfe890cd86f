package org.kinship.cases.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseQuery;
import org.kinship.security.RecordScope;

/** Builds the Lucene query and order of a case list: the user's scope, then every filter given. */
final class CaseIndexQueries {

    /** Names and numbers: split into words, lower case, accents folded ("Aïcha" finds "aicha"). */
    static final Analyzer TEXT_ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
            return new TokenStreamComponents(tokenizer, stream);
        }
    };

    private CaseIndexQueries() {
    }

    static Query query(CaseQuery q, RecordScope scope, LocalDate today) {
        return query(q, scope, today, true);
    }

    /** @param namesSearchable whether free text matches names too, or only case numbers */
    static Query query(CaseQuery q, RecordScope scope, LocalDate today, boolean namesSearchable) {
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST);
        all.add(scope(scope), Occur.FILTER);
        term(all, "module", q.module());
        term(all, "status", q.status() == null ? null : q.status().name());
        term(all, "risk", q.riskLevel());
        term(all, "owner", q.ownerId());
        term(all, "agency", q.agencyCode());
        term(all, "sex", q.sex() == null ? null : q.sex().toLowerCase(Locale.ROOT));
        if (q.location() != null && !q.location().isBlank()) {
            all.add(new PrefixQuery(new Term("location", q.location())), Occur.FILTER);
        }
        if (q.minAge() != null || q.maxAge() != null) {
            // born on or before today - minAge years, and after today - (maxAge + 1) years
            long latest = q.minAge() == null ? Long.MAX_VALUE : today.minusYears(q.minAge()).toEpochDay();
            long earliest = q.maxAge() == null ? Long.MIN_VALUE + 1
                    : today.minusYears(q.maxAge() + 1L).plusDays(1).toEpochDay();
            all.add(LongPoint.newRangeQuery(CaseIndexDocuments.BIRTH, earliest, latest), Occur.FILTER);
        }
        if (q.registeredFrom() != null || q.registeredTo() != null) {
            long from = q.registeredFrom() == null ? Long.MIN_VALUE : startOf(q.registeredFrom());
            long to = q.registeredTo() == null ? Long.MAX_VALUE : startOf(q.registeredTo().plusDays(1)) - 1;
            all.add(LongPoint.newRangeQuery(CaseIndexDocuments.REGISTERED, from, to), Occur.FILTER);
        }
        if (q.text() != null && !q.text().isBlank()) {
            all.add(namesSearchable ? text(q.text()) : new TermQuery(new Term("number", q.text().strip())),
                    Occur.FILTER);
        }
        return all.build();
    }

    static Sort sort(CaseQuery q) {
        SortField first = switch (q.sort()) {
            case REGISTERED_AT -> new SortField("registered_sort", SortField.Type.LONG, q.descending());
            case UPDATED_AT -> new SortField("updated_sort", SortField.Type.LONG, q.descending());
            case CASE_NUMBER -> new SortField("number_sort", SortField.Type.STRING, q.descending());
            case NAME -> new SortField("name_sort", SortField.Type.STRING, q.descending());
            // older children were born earlier: age ascending is birth descending
            case AGE -> new SortField("birth_sort", SortField.Type.LONG, !q.descending());
            case RISK_LEVEL -> new SortField("risk_sort", SortField.Type.LONG, q.descending());
        };
        return new Sort(first, new SortField("id_sort", SortField.Type.STRING));
    }

    private static Query scope(RecordScope scope) {
        if (scope.level() == RecordScope.Level.ALL) {
            return new MatchAllDocsQuery();
        }
        if (scope.level() == RecordScope.Level.NONE) {
            return new MatchNoDocsQuery();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder()
                .add(new TermQuery(new Term("owner", scope.userId())), Occur.SHOULD)
                .add(new TermQuery(new Term("assigned", scope.userId())), Occur.SHOULD);
        if (scope.level() == RecordScope.Level.GROUP) {
            scope.groupIds().forEach(g -> any.add(new TermQuery(new Term("group", g)), Occur.SHOULD));
        }
        if (scope.level() == RecordScope.Level.AGENCY && scope.agencyCode() != null) {
            any.add(new TermQuery(new Term("agency", scope.agencyCode())), Occur.SHOULD);
        }
        return any.build();
    }

    private static Query text(String text) {
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        try (TokenStream tokens = TEXT_ANALYZER.tokenStream(CaseIndexDocuments.TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(new PrefixQuery(new Term(CaseIndexDocuments.TEXT, term.toString())), Occur.FILTER);
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BooleanQuery.Builder either = new BooleanQuery.Builder().add(words.build(), Occur.SHOULD)
                .add(new TermQuery(new Term("number", text.strip())), Occur.SHOULD);
        return either.build();
    }

    private static void term(BooleanQuery.Builder all, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            all.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }

    private static long startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
