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

    public MatchingIndex(Directory directory, MatchScorer scorer, PlaceAliases aliases, int candidatePool) {
        try {
            IndexWriterConfig config = new IndexWriterConfig(new KeywordAnalyzer());
            config.setRAMBufferSizeMB(64);
            boolean outdated = outdatedFormat(directory);
            this.writer = new IndexWriter(directory, config);
            if (outdated) {
                // fields of another version would be searched wrongly: empty, the start-up repair rebuilds it
                LOG.info("The matching index was written with other fields: emptied, to be rebuilt from the records");
                writer.deleteAll();
            }
            writer.setLiveCommitData(Map.of(FORMAT_KEY, ProfileFields.FORMAT).entrySet());
            if (outdated || !DirectoryReader.indexExists(directory)) {
                writer.commit();
            }
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the matching index", e);
        }
        this.scorer = scorer;
        this.aliases = aliases;
        this.candidatePool = candidatePool;
    }

    /** Whether the directory holds an index whose commit does not name the current {@link ProfileFields#FORMAT}. */
    private static boolean outdatedFormat(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return false;
        }
        SegmentInfos commit = SegmentInfos.readLatestCommit(directory);
        return commit.totalMaxDoc() > 0 && !ProfileFields.FORMAT.equals(commit.getUserData().get(FORMAT_KEY));
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
        return scorer.score(searched, candidate);
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

    /** Makes the writes so far durable (the index can always be rebuilt, so this is about restart time). */
    public void commit() {
        io(writer::commit);
    }

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
        List<PersonProfile> pool = withSearcher(searcher -> {
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
            // each pooled profile decoded once, in index order
            return decode(searcher, found);
        });
        List<MatchCandidate> candidates = new ArrayList<>();
        for (PersonProfile candidate : pool) {
            if (filter.allows(candidate)) {
                candidates.add(scorer.score(profile, candidate));
            }
        }
        candidates.sort(BEST_FIRST);
        return candidates.subList(0, Math.min(limit, candidates.size()));
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
                return counts.computeIfAbsent(new Term(field, term), key -> {
                    try {
                        return reader.docFreq(key);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }

            @Override
            public int numDocs() {
                return documents;
            }
        };
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

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }
}
