package org.kinship.tracing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;
import org.jspecify.annotations.Nullable;
import org.kinship.tracing.CandidateFilter;
import org.kinship.tracing.MatchCandidate;
import org.kinship.tracing.MatchWeights;
import org.kinship.tracing.NameMatch;
import org.kinship.tracing.PersonProfile;
import org.kinship.tracing.ProfileKind;

/**
 * The Lucene index of profiles: blocking retrieves a pool of candidates cheaply, {@link MatchScorer}
 * re-scores them. Thread-safe; writes become visible to the next search.
 */
public final class MatchingIndex implements AutoCloseable {

    /** How many times the pool a pass whose evidence re-ranks separately retrieves (ADR 0025). */
    static final int RANKING_WINDOW = 5;

    /** The commit data key naming the version of the index's fields. */
    static final String FORMAT_KEY = "kinship.matching.format";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MatchingIndex.class);

    private static final Comparator<MatchCandidate> BEST_FIRST = Comparator
            .comparingDouble(MatchCandidate::score).reversed().thenComparing(MatchCandidate::profileId);

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile MatchScorer scorer;
    private final PlaceAliases aliases;
    private final int candidatePool;
    private final AtomicBoolean changed = new AtomicBoolean();
    private final boolean closedCleanly;

    public MatchingIndex(Directory directory, MatchScorer scorer, PlaceAliases aliases, int candidatePool) {
        try {
            IndexWriterConfig config = new IndexWriterConfig(new KeywordAnalyzer());
            config.setRAMBufferSizeMB(64);
            Map<String, String> last = lastCommitData(directory);
            boolean outdated = last != null && !ProfileFields.FORMAT.equals(last.get(FORMAT_KEY))
                    && SegmentInfos.readLatestCommit(directory).totalMaxDoc() > 0;
            // ADR 0023: only an index the last run closed holds every profile saved before the stop
            this.closedCleanly = last == null || last.containsKey(CLOSED);
            this.writer = new IndexWriter(directory, config);
            if (outdated) {
                // fields of another version would be searched wrongly: empty, the start-up repair rebuilds it
                LOG.info("The matching index was written with other fields: emptied, to be rebuilt from the records");
                writer.deleteAll();
            }
            // every commit of this run names the format and says "open" until close() says "closed"
            writer.setLiveCommitData(commitData(OPEN).entrySet());
            writer.commit();
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the matching index", e);
        }
        this.scorer = scorer;
        this.aliases = aliases;
        this.candidatePool = candidatePool;
    }

    /** The user data of the directory's last commit, null when it holds no index yet. */
    private static @Nullable Map<String, String> lastCommitData(Directory directory) throws IOException {
        return DirectoryReader.indexExists(directory) ? SegmentInfos.readLatestCommit(directory).getUserData() : null;
    }

    /** Commit user data: the {@link ProfileFields#FORMAT} of the fields and whether the index is open or closed. */
    private static Map<String, String> commitData(String state) {
        return Map.of(FORMAT_KEY, ProfileFields.FORMAT, state, "true");
    }

    /** Scores from now on with other weights and thresholds (an administrator changed them). */
    public void useWeights(MatchWeights weights) {
        scorer = scorer.withWeights(weights);
    }

    public MatchWeights weights() {
        return scorer.weights();
    }

    /** Scores one pair directly, whatever the blocking would retrieve. */
    public MatchCandidate score(PersonProfile searched, PersonProfile candidate) {
        return withSearcher(searcher -> scorer.score(searched, candidate, nameFrequencies(searcher.getIndexReader())));
    }

    /** Adds the profile, replacing any earlier version of it. */
    public void put(PersonProfile profile) {
        io(() -> writer.updateDocument(new Term(ProfileFields.ID, profile.id()),
                ProfileFields.document(profile, aliases)));
    }

    public void putAll(Collection<PersonProfile> profiles) {
        profiles.forEach(this::put);
    }

    public void remove(String profileId) {
        io(() -> writer.deleteDocuments(new Term(ProfileFields.ID, profileId)));
    }

    /**
     * Makes the writes so far durable (ADR 0023: a background commit about every second, not one per save; the index
     * can always be rebuilt from the records, see {@link #closedCleanly()}).
     */
    public void commit() {
        io(writer::commit);
    }

    /** Whether a write is not yet durable (the background commit skips an index without any). */
    public boolean hasUncommittedChanges() {
        return writer.hasUncommittedChanges();
    }

    /**
     * Whether the index was closed by {@link #close()} the last time (or is new): only then is every profile saved
     * before the stop in it. After a crash the writes since the last commit are lost and the records must be
     * indexed again (ADR 0023).
     */
    public boolean closedCleanly() {
        return closedCleanly;
    }

    /** Commit user data: the last commit of a run says closed (ADR 0023). */
    private static final String OPEN = "kinship.open";
    private static final String CLOSED = "kinship.closed";

    /** Consenting profiles of the other kind (cases for a request, requests for a case), best first. */
    public List<MatchCandidate> findMatches(PersonProfile profile, CandidateFilter filter, int limit) {
        if (!profile.consentForTracing()) {
            return List.of();
        }
        return score(profile, EnumSet.of(profile.kind().counterpart()), true, filter, limit);
    }

    /** Profiles of the same kind that may be the same child registered twice, best first. */
    public List<MatchCandidate> findDuplicates(PersonProfile profile, CandidateFilter filter, int limit) {
        return score(profile, EnumSet.of(profile.kind()), false, filter, limit);
    }

    /**
     * The candidates pooled from every blocking pass (each up to the pool size), scored, best first. A pass whose
     * retrieval is a pure disjunction of name keys retrieves {@link #RANKING_WINDOW} times the pool, its evidence
     * re-ranks those, and the pool's best go on to the scorer (ADR 0025). One searcher answers the whole search.
     */
    private List<MatchCandidate> score(PersonProfile profile, Set<ProfileKind> kinds, boolean consentOnly,
            CandidateFilter filter, int limit) {
        int size = Math.max(limit, candidatePool);
        return withSearcher(searcher -> {
            Set<Integer> found = new TreeSet<>();
            CandidateQueries.Rarity rarity = rarity(searcher.getIndexReader());
            for (CandidateQueries.Pass pass : CandidateQueries.candidates(profile, kinds, consentOnly, filter, aliases,
                    rarity)) {
                TopDocs top;
                if (pass.evidence() == null) {
                    top = top(searcher, pass.retrieval(), size);
                } else {
                    top = QueryRescorer.rescore(searcher, top(searcher, pass.retrieval(), size * RANKING_WINDOW),
                            pass.evidence(), 1.0, size);
                }
                for (ScoreDoc hit : top.scoreDocs) {
                    found.add(hit.doc);
                }
            }
            // each pooled profile decoded once, in index order; name counts from the same reader
            NameFrequencies frequencies = nameFrequencies(searcher.getIndexReader());
            List<MatchCandidate> candidates = new ArrayList<>();
            for (PersonProfile candidate : decode(searcher, found)) {
                if (filter.allows(candidate)) {
                    candidates.add(scorer.score(profile, candidate, frequencies));
                }
            }
            candidates.sort(BEST_FIRST);
            return candidates.subList(0, Math.min(limit, candidates.size()));
        });
    }

    /**
     * The best {@code count} hits; hits are counted only up to {@code count} so that Lucene may skip the profiles
     * that cannot enter the top (MaxScore / WAND pruning).
     */
    private static TopDocs top(IndexSearcher searcher, Query query, int count) throws IOException {
        return searcher.search(query, new TopScoreDocCollectorManager(count, count));
    }

    /** How common a name key is in the current index, read from its term statistics when first asked. */
    private static CandidateQueries.Rarity rarity(IndexReader reader) {
        Map<Term, Integer> counts = new HashMap<>();
        int documents = reader.numDocs();
        return new CandidateQueries.Rarity() {
            @Override
            public int docFreq(String field, String term) {
                return counts.computeIfAbsent(new Term(field, term), key -> MatchingIndex.docFreq(reader, key));
            }

            @Override
            public int numDocs() {
                return documents;
            }
        };
    }

    private static int docFreq(IndexReader reader, Term term) {
        try {
            return reader.docFreq(term);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference share of name parts, with the profile count it was read at (ADR 0024). */
    private record NameReference(int documents, double share) {
    }

    private volatile NameReference nameReference = new NameReference(-1, 0);

    /**
     * Name part frequencies for one query (ADR 0024): each skeleton's carrier count is read once from the term
     * statistics of the reader the search uses and kept for the query. The reference share needs one pass over the
     * skeleton terms; it is kept until the index has grown or shrunk by more than 1%.
     */
    NameFrequencies nameFrequencies(IndexReader reader) throws IOException {
        int documents = reader.numDocs();
        if (documents == 0) {
            return NameFrequencies.NONE;
        }
        NameReference known = nameReference;
        if (known.documents() < 0 || Math.abs(documents - known.documents()) > known.documents() / 100) {
            known = new NameReference(documents, referenceShare(reader, documents));
            nameReference = known;
        }
        double reference = known.share();
        Map<String, Integer> counts = new HashMap<>();
        return new NameFrequencies() {
            @Override
            public double share(String skeleton) {
                int carriers = counts.computeIfAbsent(skeleton,
                        key -> docFreq(reader, new Term(ProfileFields.NAME_SKELETON, key)));
                return carriers / (double) documents;
            }

            @Override
            public double reference() {
                return reference;
            }
        };
    }

    private static double referenceShare(org.apache.lucene.index.IndexReader reader, int documents) throws IOException {
        org.apache.lucene.index.Terms terms = org.apache.lucene.index.MultiTerms.getTerms(reader,
                ProfileFields.NAME_SKELETON);
        if (terms == null) {
            return 0;
        }
        double carriers = 0;
        double squares = 0;
        var term = terms.iterator();
        while (term.next() != null) {
            double count = term.docFreq();
            carriers += count;
            squares += count * count;
        }
        return carriers == 0 ? 0 : squares / carriers / documents;
    }

    /** Names spelled in any script or way, within the filter, most similar first. */
    public List<NameMatch> searchByName(String name, CandidateFilter filter, int limit) {
        List<NameToken> query = NameToken.parse(List.of(name));
        List<NameMatch> hits = new ArrayList<>();
        for (PersonProfile candidate : retrieve(CandidateQueries.byName(name, filter), Math.max(limit * 5, 50))) {
            if (filter.allows(candidate)) {
                double sum = NameComparator.align(query, NameToken.parse(candidate.allNames())).stream()
                        .mapToDouble(Double::doubleValue).sum();
                hits.add(new NameMatch(candidate.id(), candidate.kind(), candidate.allNames(),
                        query.isEmpty() ? 0 : sum / query.size()));
            }
        }
        hits.sort(Comparator.comparingDouble(NameMatch::similarity).reversed().thenComparing(NameMatch::profileId));
        return hits.subList(0, Math.min(limit, hits.size()));
    }

    public Optional<PersonProfile> profile(String profileId) {
        List<PersonProfile> found = retrieve(new TermQuery(new Term(ProfileFields.ID, profileId)), 1);
        return found.stream().findFirst();
    }

    public int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    private List<PersonProfile> retrieve(Query query, int count) {
        return withSearcher(searcher -> decode(searcher,
                Arrays.stream(searcher.search(query, count).scoreDocs).map(hit -> hit.doc).toList()));
    }

    /** The profiles of the documents, in the order given, read from their doc values in index order. */
    private static List<PersonProfile> decode(IndexSearcher searcher, Collection<Integer> docs) throws IOException {
        Map<Integer, PersonProfile> profiles = new HashMap<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        BinaryDocValues values = null;
        int leaf = -1;
        for (int doc : new TreeSet<>(docs)) {
            int found = ReaderUtil.subIndex(doc, leaves);
            if (found != leaf) {
                leaf = found;
                values = DocValues.getBinary(leaves.get(leaf).reader(), ProfileFields.PROFILE);
            }
            if (!values.advanceExact(doc - leaves.get(leaf).docBase)) {
                throw new IllegalStateException("A matching index document without its profile");
            }
            profiles.put(doc, ProfileCodec.decode(values.binaryValue()));
        }
        return docs.stream().map(profiles::get).toList();
    }

    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            if (changed.getAndSet(false)) {
                searchers.maybeRefreshBlocking();
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface IndexWork {
        void run() throws IOException;
    }

    private void io(IndexWork work) {
        try {
            work.run();
            changed.set(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of the indexed profiles that start with {@code prefix} (a tracing request's sought children). */
    public List<String> idsStartingWith(String prefix) {
        return withSearcher(searcher -> {
            Query query = new org.apache.lucene.search.PrefixQuery(new Term(ProfileFields.ID, prefix));
            TopDocs top = searcher.search(query, Math.max(1, searcher.count(query)));
            List<String> ids = new ArrayList<>(top.scoreDocs.length);
            var storedFields = searcher.storedFields();
            for (ScoreDoc hit : top.scoreDocs) {
                ids.add(storedFields.document(hit.doc, Set.of(ProfileFields.ID)).get(ProfileFields.ID));
            }
            return ids;
        });
    }

    /** Commits every write, noting that the index was closed cleanly ({@link #closedCleanly()} at the next start). */
    @Override
    public void close() throws IOException {
        searchers.close();
        writer.setLiveCommitData(commitData(CLOSED).entrySet());
        writer.commit();
        writer.close();
    }
}
