package org.kinship.reports.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;
import org.kinship.shared.internal.lucene.IndexDirectories;
import org.kinship.shared.internal.lucene.LiveIndex;
import org.springframework.stereotype.Component;

/**
 * The reports' read model (ADR 0020): a Lucene index ({@code index/reports}) with one document per case holding,
 * as doc values, every value a report may count — the case attributes and each non-sensitive choice, yes/no,
 * number, date and location field of its sections, keyed {@code v:<section>/<field>} ({@code v:@status}...), and
 * each repeating group's non-sensitive fields as one compact BSON value per case ({@code g:<section>/<group>}) —
 * plus the scope fields (owner, assignees, groups, agency) as terms. A report is one query (module, the user's
 * scope, case-attribute filters) whose matching documents are read field by field from the doc values: no case
 * document is read or decrypted at report time. Writes are visible to the next report at once and durable after
 * {@link #commit()}.
 */
@Component
class ReportIndex implements AutoCloseable {

    static final String NAME = "reports";
    static final String ID = "id";
    static final String MODULE = "module";
    static final String OWNER = "owner";
    static final String ASSIGNED = "assigned";
    static final String GROUP = "group";
    static final String AGENCY = "agency";
    static final String REGISTERED = "registered";
    static final String VERSION = "version";
    private static final String ID_VALUE = "id_value";
    private static final String VALUES = "v:";
    private static final String GROUPS = "g:";
    private static final DocumentCodec CODEC = new DocumentCodec();

    private final boolean existedAtStart;
    private final LiveIndex searchers;

    ReportIndex(IndexDirectories directories) throws IOException {
        Directory directory = directories.directory(NAME);
        this.existedAtStart = DirectoryReader.indexExists(directory);
        this.searchers = new LiveIndex(new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer())));
    }

    boolean existedAtStart() {
        return existedAtStart;
    }

    /** One case as the index holds it: scope terms, version, and the values of every reportable field. */
    record Entry(String id, long version, String module, @Nullable String ownerId, Collection<String> assignedIds,
            Collection<String> groupIds, @Nullable String agencyCode, @Nullable Date registeredAt,
            Map<String, List<Object>> values, Map<String, List<org.bson.Document>> groups) {
    }

    void put(Entry entry) {
        org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
        doc.add(new StringField(ID, entry.id(), Field.Store.NO));
        doc.add(new SortedDocValuesField(ID_VALUE, new BytesRef(entry.id())));
        doc.add(new NumericDocValuesField(VERSION, entry.version()));
        doc.add(new StringField(MODULE, entry.module(), Field.Store.NO));
        if (entry.ownerId() != null && !entry.ownerId().isBlank()) {
            doc.add(new KeywordField(OWNER, entry.ownerId(), Field.Store.NO));
        }
        entry.assignedIds().forEach(id -> term(doc, ASSIGNED, id));
        entry.groupIds().forEach(id -> term(doc, GROUP, id));
        term(doc, AGENCY, entry.agencyCode());
        if (entry.registeredAt() != null) {
            doc.add(new LongPoint(REGISTERED, entry.registeredAt().getTime()));
        }
        entry.values().forEach((path, values) -> {
            for (Object value : values) {
                // case attributes are also terms, so that a report's filters on them narrow the query
                doc.add(path.startsWith("@") ? new KeywordField(VALUES + path, encode(value), Field.Store.NO)
                        : new SortedSetDocValuesField(VALUES + path, encode(value)));
            }
        });
        entry.groups().forEach((path, items) -> {
            if (!items.isEmpty()) {
                RawBsonDocument bson = new RawBsonDocument(new org.bson.Document("i", items), CODEC);
                ByteBuffer bytes = bson.getByteBuffer().asNIO();
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                doc.add(new BinaryDocValuesField(GROUPS + path, new BytesRef(copy)));
            }
        });
        searchers.update(new Term(ID, entry.id()), doc);
    }

    void remove(String id) {
        searchers.delete(new Term(ID, id));
    }

    void deleteAll() {
        searchers.deleteAll();
    }

    void commit() {
        searchers.commit();
    }

    int count() {
        return searchers.size();
    }

    /** The version of every indexed case, by id (to find what is behind MongoDB). */
    Map<String, Long> versions() {
        return searchers.search(searcher -> {
            Map<String, Long> versions = new HashMap<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                SortedDocValues ids = DocValues.getSorted(leaf.reader(), ID_VALUE);
                NumericDocValues numbers = DocValues.getNumeric(leaf.reader(), VERSION);
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
                    if ((live == null || live.get(doc)) && numbers.advanceExact(doc)) {
                        versions.put(ids.lookupOrd(ids.ordValue()).utf8ToString(), numbers.longValue());
                    }
                }
            }
            return versions;
        });
    }

    /** How many cases matched, and how many of them hold each value of the counted field. */
    record Tally(long total, Map<String, Long> byValue) {
    }

    /**
     * Counts the cases matching {@code query} in one pass, and per value of {@code field} ({@link #OWNER}, or a case
     * attribute's {@link #valuesField}) read from its doc values; a case without a value counts in the total only.
     */
    Tally tally(Query query, String field) {
        return searchers.search(searcher -> {
            Map<String, Long> counts = new HashMap<>();
            long total = 0;
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Scorer scorer = weight.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), field);
                long[] perOrd = new long[(int) values.getValueCount()];
                Bits live = leaf.reader().getLiveDocs();
                DocIdSetIterator docs = scorer.iterator();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    total++;
                    if (values.advanceExact(doc)) {
                        for (int i = values.docValueCount(); i > 0; i--) {
                            perOrd[(int) values.nextOrd()]++;
                        }
                    }
                }
                for (int ord = 0; ord < perOrd.length; ord++) {
                    if (perOrd[ord] > 0) {
                        BytesRef value = values.lookupOrd(ord);
                        counts.merge(field.startsWith(VALUES) ? String.valueOf(decode(value)) : value.utf8ToString(),
                                perOrd[ord], Long::sum);
                    }
                }
            }
            return new Tally(total, counts);
        });
    }

    /** What a report reads of each matching case. */
    interface Reader {

        /**
         * @param values the values of a case-level field ({@link #valuesField})
         * @param items  the items of the repeating group asked for (decoded only when called)
         */
        void accept(Function<String, List<Object>> values, Supplier<List<java.util.Map<?, ?>>> items);
    }

    /**
     * Reads the cases matching {@code query}: the values of {@code fields} (paths as in {@link #valuesField}) and,
     * when {@code groupPath} is given, that repeating group's items. Each distinct value is decoded once per index
     * segment. Answers the number of cases read.
     */
    long scan(Query query, Collection<String> fields, @Nullable String groupPath, Reader reader) {
        return searchers.search(searcher -> {
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
            long read = 0;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Scorer scorer = weight.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                Map<String, LeafField> columns = new HashMap<>();
                for (String field : fields) {
                    columns.put(field, new LeafField(DocValues.getSortedSet(leaf.reader(), VALUES + field)));
                }
                BinaryDocValues groups = groupPath == null ? null
                        : DocValues.getBinary(leaf.reader(), GROUPS + groupPath);
                Bits live = leaf.reader().getLiveDocs();
                DocIdSetIterator docs = scorer.iterator();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    int current = doc;
                    Map<String, List<Object>> read1 = new HashMap<>(4);
                    reader.accept(field -> read1.computeIfAbsent(field, f -> {
                        LeafField column = columns.get(f);
                        return column == null ? List.of() : column.values(current);
                    }), () -> items(groups, current));
                    read++;
                }
            }
            return read;
        });
    }

    /** The doc-values field holding a case-level field's values: its path ({@code section/field}, {@code @status}). */
    static String valuesField(String path) {
        return VALUES + path;
    }

    private static List<java.util.Map<?, ?>> items(@Nullable BinaryDocValues groups, int doc) {
        try {
            if (groups == null || !groups.advanceExact(doc)) {
                return List.of();
            }
            BytesRef ref = groups.binaryValue();
            org.bson.Document decoded = new RawBsonDocument(ref.bytes, ref.offset, ref.length).decode(CODEC);
            return FieldValues.items(decoded.get("i"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One field's doc values in one segment, with each distinct value decoded once. */
    private static final class LeafField {

        private final SortedSetDocValues values;
        private final Map<Long, Object> decoded = new HashMap<>();

        LeafField(SortedSetDocValues values) {
            this.values = values;
        }

        List<Object> values(int doc) {
            try {
                if (!values.advanceExact(doc)) {
                    return List.of();
                }
                int count = values.docValueCount();
                if (count == 1) {
                    return List.of(value(values.nextOrd()));
                }
                List<Object> all = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    all.add(value(values.nextOrd()));
                }
                return all;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Object value(long ord) throws IOException {
            Object known = decoded.get(ord);
            if (known == null) {
                known = decode(values.lookupOrd(ord));
                decoded.put(ord, known);
            }
            return known;
        }
    }

    /**
     * A stored value as doc-values bytes: a type letter and the value as text, so that it reads back as the same
     * Java value the case document holds (text, whole or decimal number, yes/no, date).
     */
    static BytesRef encode(Object value) {
        String encoded = switch (value) {
            case String text -> "s" + text;
            case Integer number -> "i" + number;
            case Long number -> "l" + number;
            case Double number -> "f" + number;
            case Decimal128 number -> "x" + number;
            case java.math.BigDecimal number -> "x" + number;
            case Boolean bool -> "b" + bool;
            case Date date -> "t" + date.getTime();
            case java.time.Instant instant -> "t" + instant.toEpochMilli();
            default -> "s" + value;
        };
        return new BytesRef(encoded);
    }

    static Object decode(BytesRef bytes) {
        String text = new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8);
        String rest = text.substring(1);
        return switch (text.charAt(0)) {
            case 'i' -> Integer.valueOf(rest);
            case 'l' -> Long.valueOf(rest);
            case 'f' -> Double.valueOf(rest);
            case 'x' -> Decimal128.parse(rest);
            case 'b' -> Boolean.valueOf(rest);
            case 't' -> new Date(Long.parseLong(rest));
            default -> rest;
        };
    }

    private static void term(org.apache.lucene.document.Document doc, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new StringField(field, value, Field.Store.NO));
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
    }
}
