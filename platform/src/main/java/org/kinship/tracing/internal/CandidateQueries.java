package org.kinship.tracing.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.kinship.tracing.CandidateFilter;
import org.kinship.tracing.PersonProfile;
import org.kinship.tracing.ProfileKind;

/**
 * The blocking queries: cheap to run, generous in what they let through (shared name keys, typos in a
 * consonant), ranked so the true match is near the top; the {@link MatchScorer} then decides.
 */
final class CandidateQueries {

    private CandidateQueries() {
    }

    /** How many indexed profiles carry a term, and how many there are: the rarity of a name part. */
    interface Rarity {
        int docFreq(String field, String term);

        int numDocs();

        /** Everything is rare (tests of the queries alone). */
        Rarity NONE = new Rarity() {
            @Override
            public int docFreq(String field, String term) {
                return 0;
            }

            @Override
            public int numDocs() {
                return 0;
            }
        };
    }

    /** Years either side of the searched birth year that the single-part pass keeps (ages are guessed). */
    static final int BIRTH_WINDOW = 4;

    /** Years either side of the searched birth year whose name-and-year keys rank a candidate up. */
    static final int YEAR_KEY_WINDOW = 1;

    /**
     * How much a shared key of each kind counts, times its rarity: an exact name part most, a name part one
     * consonant away least; a name part with the same district or birth year on top.
     */
    private static final Map<String, Double> KEY_FACTORS = Map.of(ProfileFields.NAME_TOKEN, 1.0,
            ProfileFields.NAME_SKELETON, 0.8, ProfileFields.NAME_METAPHONE, 0.6, ProfileFields.NAME_BEIDER_MORSE, 0.5,
            ProfileFields.NAME_SKELETON_DELETES, 0.4, ProfileFields.NAME_DISTRICT, 0.8, ProfileFields.NAME_YEAR, 0.5,
            ProfileFields.FAMILY_PAIR, 1.0, ProfileFields.TYPO_DISTRICT, 0.5,
            ProfileFields.NAME_PLACE, 1.0);

    /** How much more a shared pair with the given name weighs than a pair of family names in the pair pass. */
    static final float GIVEN_PAIR_BOOST = 1.5f;

    /** What a name part's other shared keys add to its best one. */
    private static final float PART_TIE_BREAKER = 0.1f;

    /**
     * One blocking pass: the query that retrieves candidates and, when ranking is a separate step, the evidence
     * that re-ranks the retrieved ones ({@code null}: the retrieval query ranks by itself).
     */
    record Pass(Query retrieval, Query evidence) {
    }

    /**
     * The blocking passes, whose candidates are pooled (ADR 0025):
     * <ol>
     * <li>profiles sharing two name parts (by skeleton or phonetic code), ranked by the shared pairs (those with the
     * given name first) and the other evidence in the same query: few profiles share a pair, so Lucene visits them
     * all cheaply;</li>
     * <li>profiles sharing any one <em>uncommon</em> name key, even with a typo, born within
     * {@link #BIRTH_WINDOW} years (or of unknown birth). Retrieval is a pure disjunction of constant-score name keys
     * weighted by their rarity (an inverse document frequency) with everything else as filters, so Lucene's top-k
     * pruning (MaxScore) skips the profiles that cannot enter the top; a name part's keys together with the
     * searched district, village or birth year count on top, and so does a relative's full name
     * ({@link ProfileFields#FAMILY_PAIR}, ADR 0026), which finds the child of a family whose own names are misspelled.
     * The evidence (birth year, places, relatives) then re-ranks only the retrieved profiles. A name key carried by
     * more than {@link #commonLimit} profiles ("Mohamed" among a million) is not visited (ADR 0014, 0022).</li>
     * </ol>
     */
    static List<Pass> candidates(PersonProfile profile, Set<ProfileKind> kinds, boolean consentOnly,
            CandidateFilter filter, PlaceAliases aliases, Rarity rarity) {
        List<String> tokens = List.copyOf(ProfileFields.nameTokens(profile));
        // the same ranking clauses for both passes (queries are immutable)
        List<Query> evidence = evidence(profile, tokens, aliases);
        List<Pass> passes = new ArrayList<>();
        if (tokens.size() >= 2) {
            BooleanQuery.Builder pairs = base(profile, kinds, consentOnly, filter);
            pairs.add(pairs(tokens), Occur.MUST);
            evidence.forEach(clause -> pairs.add(clause, Occur.SHOULD));
            passes.add(new Pass(pairs.build(), null));
        }
        BooleanQuery.Builder single = base(profile, kinds, consentOnly, filter);
        Optional<Integer> year = ProfileFields.birthYear(profile);
        year.ifPresent(y -> single.add(birthWindow(y), Occur.FILTER));
        List<Query> names = new ArrayList<>(rareKeys(uncommon(tokens, rarity), rarity));
        Set<String> placeKeys = ProfileFields.placeKeys(profile.places(), aliases);
        names.addAll(compoundKeys(tokens, ProfileFields.districts(placeKeys), ProfileFields.villages(placeKeys), year,
                rarity));
        rareClause(ProfileFields.FAMILY_PAIR, ProfileFields.familyPairs(profile), commonLimit(rarity), rarity)
                .ifPresent(names::add);
        names.forEach(clause -> single.add(clause, Occur.SHOULD));
        // with filters, optional clauses would only score: at least one name key must match
        single.setMinimumNumberShouldMatch(names.isEmpty() ? 0 : 1);
        if (names.isEmpty()) {
            // no name to retrieve by: the evidence alone retrieves (and ranks), as before ADR 0025
            evidence.forEach(clause -> single.add(clause, Occur.SHOULD));
            passes.add(new Pass(single.build(), null));
        } else {
            BooleanQuery.Builder ranking = new BooleanQuery.Builder();
            evidence.forEach(clause -> ranking.add(clause, Occur.SHOULD));
            passes.add(new Pass(single.build(), ranking.build()));
        }
        return passes;
    }

    /** Profiles with more than this many carriers of a name part are not visited by the single-part pass. */
    static int commonLimit(Rarity rarity) {
        return Math.max(2_000, rarity.numDocs() / 100);
    }

    /** The name parts not too common to visit; when all are, the rarest one. */
    static List<String> uncommon(List<String> tokens, Rarity rarity) {
        if (tokens.isEmpty()) {
            return tokens;
        }
        int limit = commonLimit(rarity);
        List<String> kept = new ArrayList<>();
        String rarest = tokens.getFirst();
        int rarestCount = Integer.MAX_VALUE;
        for (String token : tokens) {
            int count = rarity.docFreq(ProfileFields.NAME_SKELETON, NameKeys.skeleton(token));
            if (count <= limit) {
                kept.add(token);
            }
            if (count < rarestCount) {
                rarest = token;
                rarestCount = count;
            }
        }
        return kept.isEmpty() ? List.of(rarest) : kept;
    }

    /**
     * The single-part pass's name keys as constant-score clauses weighted by rarity, one per name part (the best of
     * its kinds of key), each term kept only when it is itself uncommon: an uncommon name part still shares phonetic codes and
     * one-deletion keys with common names ("Mahamat" and "Mohamed" share a Double Metaphone code), and visiting
     * those keys' carriers is what kept the pass slow at a million profiles (ADR 0022). When every key of every part
     * is common, the rarest key is kept.
     */
    static List<Query> rareKeys(Collection<String> tokens, Rarity rarity) {
        int limit = commonLimit(rarity);
        Map<String, Query> clauses = new LinkedHashMap<>();
        String rarestField = null;
        String rarestTerm = null;
        int rarestCount = Integer.MAX_VALUE;
        for (String token : tokens) {
            List<Query> keys = new ArrayList<>();
            Map<String, Collection<String>> terms = new LinkedHashMap<>();
            terms.put(ProfileFields.NAME_TOKEN, List.of(token));
            terms.put(ProfileFields.NAME_SKELETON, NameKeys.skeletons(token));
            terms.put(ProfileFields.NAME_METAPHONE, NameKeys.doubleMetaphone(token));
            terms.put(ProfileFields.NAME_BEIDER_MORSE, NameKeys.beiderMorse(token));
            terms.put(ProfileFields.NAME_SKELETON_DELETES, NameKeys.skeletonDeletes(token));
            for (Map.Entry<String, Collection<String>> field : terms.entrySet()) {
                Set<String> kept = new TreeSet<>();
                int carriers = 0;
                for (String term : field.getValue()) {
                    int count = rarity.docFreq(field.getKey(), term);
                    if (count <= limit) {
                        kept.add(term);
                        carriers += count;
                    }
                    if (count < rarestCount) {
                        rarestCount = count;
                        rarestField = field.getKey();
                        rarestTerm = term;
                    }
                }
                if (!kept.isEmpty()) {
                    keys.add(weighted(field.getKey(), kept, carriers, rarity));
                }
            }
            if (!keys.isEmpty()) {
                // a name part counts once, by its best shared key: three parts shared with typos must not lose
                // to one part shared exactly just because an exact part also shares its skeleton and codes
                clauses.putIfAbsent(keys.toString(), keys.size() == 1 ? keys.getFirst()
                        : new DisjunctionMaxQuery(keys, PART_TIE_BREAKER));
            }
        }
        if (clauses.isEmpty() && rarestField != null) {
            return List.of(weighted(rarestField, Set.of(rarestTerm), rarestCount, rarity));
        }
        return List.copyOf(clauses.values());
    }

    /**
     * A name part together with a district or a village (by path or by place name, ADR 0030) the searched profile
     * names, and with its birth year (give or take
     * {@link #YEAR_KEY_WINDOW}): rare keys that rank the carriers of a shared name part who also share the place or
     * age above the others, so that the true child is retrieved even when thousands share one of its names; and a
     * name part's one-consonant keys with the district ({@link ProfileFields#TYPO_DISTRICT}), for a child misspelled
     * in every part. Common ones are left out like name keys.
     */
    static List<Query> compoundKeys(Collection<String> tokens, Set<String> districts, Set<String> villages,
            Optional<Integer> year, Rarity rarity) {
        int limit = commonLimit(rarity);
        List<Query> clauses = new ArrayList<>();
        Set<String> skeletons = new LinkedHashSet<>();
        tokens.forEach(token -> skeletons.addAll(NameKeys.skeletons(token)));
        for (String token : tokens) {
            List<String> typoKeys = new ArrayList<>();
            for (String key : NameKeys.skeletonDeletes(token)) {
                districts.forEach(d -> typoKeys.add(ProfileFields.withKey(key, d)));
            }
            rareClause(ProfileFields.TYPO_DISTRICT, typoKeys, limit, rarity).ifPresent(clauses::add);
        }
        for (String skeleton : skeletons) {
            List<String> districtKeys = districts.stream().map(d -> ProfileFields.withKey(skeleton, d)).toList();
            rareClause(ProfileFields.NAME_DISTRICT, districtKeys, limit, rarity).ifPresent(clauses::add);
            List<String> villageKeys = villages.stream().map(v -> ProfileFields.withKey(skeleton, v)).toList();
            rareClause(ProfileFields.NAME_PLACE, villageKeys, limit, rarity).ifPresent(clauses::add);
            year.ifPresent(y -> {
                List<String> yearKeys = new ArrayList<>();
                for (int other = y - YEAR_KEY_WINDOW; other <= y + YEAR_KEY_WINDOW; other++) {
                    yearKeys.add(ProfileFields.withKey(skeleton, other));
                }
                rareClause(ProfileFields.NAME_YEAR, yearKeys, limit, rarity).ifPresent(clauses::add);
            });
        }
        return clauses;
    }

    private static Optional<Query> rareClause(String field, Collection<String> terms, int limit, Rarity rarity) {
        Set<String> kept = new TreeSet<>();
        int carriers = 0;
        for (String term : terms) {
            int count = rarity.docFreq(field, term);
            if (count > 0 && count <= limit) {
                kept.add(term);
                carriers += count;
            }
        }
        return kept.isEmpty() ? Optional.empty() : Optional.of(weighted(field, kept, carriers, rarity));
    }

    /**
     * A constant-score clause on the terms, weighted by the kind of key and by its rarity, the inverse document
     * frequency {@code ln(1 + (N - n + 0.5) / (n + 0.5))} of its {@code n} carriers among {@code N} profiles (as
     * Lucene's BM25 weighs a term): constant scores give Lucene exact upper bounds per clause to prune with.
     */
    static Query weighted(String field, Collection<String> terms, int carriers, Rarity rarity) {
        double documents = Math.max(rarity.numDocs(), carriers);
        double idf = Math.log(1 + (documents - carriers + 0.5) / (carriers + 0.5));
        return boost(terms(field, terms), (float) (KEY_FACTORS.get(field) * idf));
    }

    /**
     * Born within the window, or of unknown birth. Checked on the doc values of the profiles the name keys find:
     * a point range would collect the half of the index born in the window on every query (the disjunction's cost
     * estimate, the sum of its postings, is far above what pruning lets it visit, so Lucene would choose points).
     */
    private static Query birthWindow(int year) {
        BooleanQuery.Builder window = new BooleanQuery.Builder();
        window.add(SortedNumericDocValuesField.newSlowRangeQuery(ProfileFields.BIRTH_YEAR, year - BIRTH_WINDOW,
                year + BIRTH_WINDOW), Occur.SHOULD);
        window.add(new TermQuery(new Term(ProfileFields.BIRTH_KNOWN, "false")), Occur.SHOULD);
        return window.build();
    }

    private static BooleanQuery.Builder base(PersonProfile profile, Set<ProfileKind> kinds, boolean consentOnly,
            CandidateFilter filter) {
        BooleanQuery.Builder query = filters(kinds, consentOnly, filter);
        query.add(new TermQuery(new Term(ProfileFields.ID, profile.id())), Occur.MUST_NOT);
        return query;
    }

    /**
     * The shared pairs of name parts; a pair with the first name part (the child's own given name, ADR 0031) weighs
     * {@link #GIVEN_PAIR_BOOST} times more than a pair of family names, which the child's brothers, sisters and cousins
     * share.
     */
    private static Query pairs(List<String> tokens) {
        BooleanQuery.Builder pairs = new BooleanQuery.Builder();
        Set<String> withGiven = new HashSet<>();
        for (int j = 1; j < tokens.size(); j++) {
            withGiven.addAll(NameKeys.pairs(List.of(tokens.getFirst(), tokens.get(j))));
        }
        for (String key : NameKeys.pairs(tokens)) {
            Query term = new TermQuery(new Term(ProfileFields.NAME_PAIR, key));
            pairs.add(withGiven.contains(key) ? boost(term, GIVEN_PAIR_BOOST) : term, Occur.SHOULD);
        }
        return pairs.build();
    }

    /**
     * Birth year, places (district and below), relatives (the parts of their names that are not the child's own) and
     * the separation date (ADR 0029) rank candidates, none is required. Sex, country and region are left to the
     * scorer: they match too many profiles to be worth visiting. The birth year and the separation date are checked
     * on the candidate's doc values, never by collecting every profile of the range.
     */
    private static List<Query> evidence(PersonProfile profile, List<String> tokens, PlaceAliases aliases) {
        List<Query> clauses = new ArrayList<>();
        ProfileFields.birthYear(profile).ifPresent(y -> clauses.add(boost(new ConstantScoreQuery(
                SortedNumericDocValuesField.newSlowRangeQuery(ProfileFields.BIRTH_YEAR, y - 3, y + 3)), 1f)));
        for (String key : ProfileFields.placeKeys(profile.places(), aliases)) {
            String field = key.startsWith("#") ? ProfileFields.PLACE_NAME : ProfileFields.PLACE;
            int depth = key.split("/").length;
            if (!key.startsWith("#") && depth < 3) {
                continue;
            }
            float weight = key.startsWith("#") ? 1f : Math.min(depth, 4) * 0.3f;
            clauses.add(boost(new TermQuery(new Term(field, key.replace("#", ""))), weight));
        }
        // a relative's name part that is the child's own ("Otieno" of the father Kiprono Otieno) says nothing the
        // child's names do not: the scorer leaves it out (FamilyComparator), so does the ranking
        Set<String> own = new HashSet<>();
        tokens.forEach(token -> own.addAll(NameKeys.skeletons(token)));
        for (String token : ProfileFields.tokens(profile.familyMemberNames())) {
            if (!own.contains(NameKeys.skeleton(token))) {
                clauses.add(boost(skeletonQuery(ProfileFields.FAMILY_SKELETON, token), 0.7f));
            }
        }
        // indexed by the middle of its month or day: half a month on top of the days that still partly agree
        ProfileFields.separated(profile).ifPresent(days -> clauses.add(boost(new ConstantScoreQuery(
                SortedNumericDocValuesField.newSlowRangeQuery(ProfileFields.SEPARATED,
                        days[0] - SeparationDateComparator.CLOSE_DAYS - 16,
                        days[1] + SeparationDateComparator.CLOSE_DAYS + 16)), 1f)));
        return clauses;
    }

    /** Name search: the name keys only, within the filter. */
    static Query byName(String name, CandidateFilter filter) {
        BooleanQuery.Builder query = filters(Set.of(ProfileKind.values()), false, filter);
        Set<String> tokens = ProfileFields.tokens(List.of(name));
        query.add(tokens.isEmpty() ? new MatchAllDocsQuery() : names(tokens, true), Occur.MUST);
        return query.build();
    }

    private static BooleanQuery.Builder filters(Set<ProfileKind> kinds, boolean consentOnly, CandidateFilter filter) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (kinds.size() < ProfileKind.values().length) {
            query.add(terms(ProfileFields.KIND, kinds.stream().map(Enum::name).toList()), Occur.FILTER);
        }
        if (consentOnly) {
            query.add(new TermQuery(new Term(ProfileFields.CONSENT, "true")), Occur.FILTER);
        }
        if (!filter.agencyCodes().isEmpty() || !filter.ownerIds().isEmpty()) {
            BooleanQuery.Builder scope = new BooleanQuery.Builder();
            if (!filter.agencyCodes().isEmpty()) {
                scope.add(terms(ProfileFields.AGENCY, filter.agencyCodes()), Occur.SHOULD);
            }
            if (!filter.ownerIds().isEmpty()) {
                scope.add(terms(ProfileFields.OWNER, filter.ownerIds()), Occur.SHOULD);
            }
            query.add(scope.build(), Occur.FILTER);
        }
        return query;
    }

    /**
     * Per name part, the best of its keys (trigrams only for interactive name search: they visit too many
     * profiles for matching); summed over parts, so more matching parts rank higher.
     */
    private static Query names(Collection<String> tokens, boolean trigrams) {
        BooleanQuery.Builder names = new BooleanQuery.Builder();
        for (String token : tokens) {
            List<Query> keys = new ArrayList<>();
            keys.add(boost(new TermQuery(new Term(ProfileFields.NAME_TOKEN, token)), 3f));
            keys.add(boost(skeletonQuery(ProfileFields.NAME_SKELETON, token), 2.5f));
            keys.add(boost(terms(ProfileFields.NAME_METAPHONE, NameKeys.doubleMetaphone(token)), 2f));
            keys.add(boost(terms(ProfileFields.NAME_BEIDER_MORSE, NameKeys.beiderMorse(token)), 1.5f));
            keys.add(boost(terms(ProfileFields.NAME_SKELETON_DELETES, NameKeys.skeletonDeletes(token)), 1f));
            if (trigrams) {
                keys.add(trigrams(token));
            }
            names.add(new DisjunctionMaxQuery(keys, 0.1f), Occur.SHOULD);
        }
        return names.build();
    }

    /** Typos: a share of the token's trigrams, scored by how many match. */
    private static Query trigrams(String token) {
        List<String> grams = NameKeys.trigrams(token);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String gram : grams) {
            query.add(new ConstantScoreQuery(new TermQuery(new Term(ProfileFields.NAME_TRIGRAM, gram))), Occur.SHOULD);
        }
        query.setMinimumNumberShouldMatch(Math.max(2, grams.size() / 2));
        return boost(query.build(), 2f / grams.size());
    }

    /** The name part's skeleton term, scored as a term; the best of its skeletons when it has two. */
    private static Query skeletonQuery(String field, String token) {
        List<Query> skeletons = NameKeys.skeletons(token).stream()
                .<Query>map(skeleton -> new TermQuery(new Term(field, skeleton))).toList();
        return skeletons.size() == 1 ? skeletons.getFirst() : new DisjunctionMaxQuery(skeletons, 0f);
    }

    private static Query terms(String field, Collection<String> values) {
        return new ConstantScoreQuery(new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()));
    }

    private static Query boost(Query query, float boost) {
        return new BoostQuery(query, boost);
    }
}
