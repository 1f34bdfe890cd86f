package org.kinship.tracing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
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
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
            this.closedCleanly = markOpen(writer);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the matching index", e);
        }
        this.scorer = scorer;
        this.aliases = aliases;
        this.candidatePool = candidatePool;
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
        return scorer.score(searched, candidate, nameFrequencies());
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

    /** Reads whether the last run closed the index, then commits "open" before any write of this run. */
    private static boolean markOpen(IndexWriter writer) throws IOException {
        Directory directory = writer.getDirectory();
        boolean closed = !org.apache.lucene.index.DirectoryReader.indexExists(directory)
                || org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).getUserData().containsKey(CLOSED);
        writer.setLiveCommitData(Map.of(OPEN, "true").entrySet());
        writer.commit();
        return closed;
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

    /** The candidates pooled from every blocking pass (each up to the pool size), scored, best first. */
    private List<MatchCandidate> score(PersonProfile profile, Set<ProfileKind> kinds, boolean consentOnly,
            CandidateFilter filter, int limit) {
        Map<String, PersonProfile> pool = new LinkedHashMap<>();
        CandidateQueries.Rarity rarity = rarity(profile);
        for (Query pass : CandidateQueries.candidates(profile, kinds, consentOnly, filter, aliases, rarity)) {
            retrieve(pass, Math.max(limit, candidatePool)).forEach(p -> pool.putIfAbsent(p.id(), p));
        }
        List<MatchCandidate> candidates = new ArrayList<>();
        NameFrequencies frequencies = nameFrequencies();
        for (PersonProfile candidate : pool.values()) {
            if (filter.allows(candidate)) {
                candidates.add(scorer.score(profile, candidate, frequencies));
            }
        }
        candidates.sort(BEST_FIRST);
        return candidates.subList(0, Math.min(limit, candidates.size()));
    }

    private static void count(org.apache.lucene.index.IndexReader reader, Map<String, Integer> counts, String field,
            java.util.Collection<String> terms) {
        for (String term : terms) {
            counts.computeIfAbsent(field + '\u0000' + term, key -> {
                try {
                    return reader.docFreq(new Term(field, term));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    /** How common each name key of the profile's name parts is, read once from the current index. */
    private CandidateQueries.Rarity rarity(PersonProfile profile) {
        return withSearcher(searcher -> {
            var reader = searcher.getIndexReader();
            Map<String, Integer> counts = new java.util.HashMap<>();
            for (String token : ProfileFields.tokens(profile.allNames())) {
                count(reader, counts, ProfileFields.NAME_TOKEN, List.of(token));
                count(reader, counts, ProfileFields.NAME_SKELETON, List.of(NameKeys.skeleton(token)));
                count(reader, counts, ProfileFields.NAME_METAPHONE, NameKeys.doubleMetaphone(token));
                count(reader, counts, ProfileFields.NAME_BEIDER_MORSE, NameKeys.beiderMorse(token));
                count(reader, counts, ProfileFields.NAME_SKELETON_DELETES, NameKeys.skeletonDeletes(token));
            }
            int documents = reader.numDocs();
            return new CandidateQueries.Rarity() {
                @Override
                public int docFreq(String field, String term) {
                    return counts.getOrDefault(field + '\u0000' + term, 0);
                }

                @Override
                public int numDocs() {
                    return documents;
                }
            };
        });
    }

    /** The reference share of name parts, with the profile count it was read at (ADR 0024). */
    private record NameReference(int documents, double share) {
    }

    private volatile NameReference nameReference = new NameReference(-1, 0);

    /**
     * Name part frequencies for one query (ADR 0024): each skeleton's carrier count is read once from the term
     * statistics of the current searcher and kept for the query. The reference share needs one pass over the
     * skeleton terms; it is kept until the index has grown or shrunk by more than 1%.
     */
    NameFrequencies nameFrequencies() {
        return withSearcher(searcher -> {
            var reader = searcher.getIndexReader();
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
            Map<String, Integer> counts = new java.util.HashMap<>();
            return new NameFrequencies() {
                @Override
                public double share(String skeleton) {
                    int carriers = counts.computeIfAbsent(skeleton, key -> withSearcher(
                            s -> s.getIndexReader().docFreq(new Term(ProfileFields.NAME_SKELETON, key))));
                    return carriers / (double) documents;
                }

                @Override
                public double reference() {
                    return reference;
                }
            };
        });
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
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(query, count);
            List<PersonProfile> profiles = new ArrayList<>(top.scoreDocs.length);
            var storedFields = searcher.storedFields();
            for (ScoreDoc hit : top.scoreDocs) {
                profiles.add(ProfileCodec.decode(storedFields.document(hit.doc).getBinaryValue(ProfileFields.PROFILE)));
            }
            return profiles;
        });
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
                ids.add(ProfileCodec.decode(storedFields.document(hit.doc).getBinaryValue(ProfileFields.PROFILE)).id());
            }
            return ids;
        });
    }

    /** Commits every write, noting that the index was closed cleanly ({@link #closedCleanly()} at the next start). */
    @Override
    public void close() throws IOException {
        searchers.close();
        writer.setLiveCommitData(Map.of(CLOSED, "true").entrySet());
        writer.commit();
        writer.close();
    }
}
