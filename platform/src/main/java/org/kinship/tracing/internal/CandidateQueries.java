package org.kinship.tracing.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.search.IndexOrDocValuesQuery;
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

    /**
     * The blocking passes, each ranked on its own, whose candidates are pooled: profiles sharing two name parts
     * (by skeleton or phonetic code); then profiles sharing any one <em>uncommon</em> name part, even with a
     * typo, born within {@link #BIRTH_WINDOW} years (or of unknown birth). Both are ranked by the shared name
     * keys (rare names count more) and the other evidence. A name part carried by more than
     * {@link #commonLimit} profiles ("Mohamed" among a million) is left to the pair pass: visiting all of its
     * profiles is what made the single pass slow, and a true pair that shares only such a part cannot be told
     * from the thousands of others anyway (ADR 0014).
     */
    static List<Query> candidates(PersonProfile profile, Set<ProfileKind> kinds, boolean consentOnly,
            CandidateFilter filter, PlaceAliases aliases, Rarity rarity) {
        List<String> tokens = List.copyOf(ProfileFields.tokens(profile.allNames()));
        List<Query> passes = new ArrayList<>();
        if (tokens.size() >= 2) {
            BooleanQuery.Builder pairs = base(profile, kinds, consentOnly, filter);
            pairs.add(pairs(tokens), Occur.MUST);
            evidence(profile, aliases, pairs);
            passes.add(pairs.build());
        }
        BooleanQuery.Builder single = base(profile, kinds, consentOnly, filter);
        List<String> uncommon = uncommon(tokens, rarity);
        if (!uncommon.isEmpty()) {
            single.add(rareKeys(uncommon, rarity), Occur.MUST);
        }
        ProfileFields.birthYear(profile).ifPresent(year -> single.add(birthWindow(year), Occur.FILTER));
        evidence(profile, aliases, single);
        passes.add(single.build());
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
     * The single-part pass's name keys, each key kept only when it is itself uncommon: an uncommon name part still
     * shares phonetic codes and one-deletion keys with common names ("Mahamat" and "Mohamed" share a Double
     * Metaphone code), and visiting those keys' carriers is what kept the pass slow at a million profiles (ADR
     * 0022). When every key of every part is common, the rarest key is kept.
     */
    static Query rareKeys(Collection<String> tokens, Rarity rarity) {
        int limit = commonLimit(rarity);
        BooleanQuery.Builder names = new BooleanQuery.Builder();
        String rarestField = null;
        String rarestTerm = null;
        int rarestCount = Integer.MAX_VALUE;
        boolean any = false;
        for (String token : tokens) {
            List<Query> keys = new ArrayList<>();
            Map<String, Float> boosts = Map.of(ProfileFields.NAME_TOKEN, 3f, ProfileFields.NAME_SKELETON, 2.5f,
                    ProfileFields.NAME_METAPHONE, 2f, ProfileFields.NAME_BEIDER_MORSE, 1.5f,
                    ProfileFields.NAME_SKELETON_DELETES, 1f);
            Map<String, Collection<String>> terms = new java.util.LinkedHashMap<>();
            terms.put(ProfileFields.NAME_TOKEN, List.of(token));
            terms.put(ProfileFields.NAME_SKELETON, List.of(NameKeys.skeleton(token)));
            terms.put(ProfileFields.NAME_METAPHONE, NameKeys.doubleMetaphone(token));
            terms.put(ProfileFields.NAME_BEIDER_MORSE, NameKeys.beiderMorse(token));
            terms.put(ProfileFields.NAME_SKELETON_DELETES, NameKeys.skeletonDeletes(token));
            for (Map.Entry<String, Collection<String>> field : terms.entrySet()) {
                List<String> kept = new ArrayList<>();
                for (String term : field.getValue()) {
                    int count = rarity.docFreq(field.getKey(), term);
                    if (count <= limit) {
                        kept.add(term);
                    }
                    if (count < rarestCount) {
                        rarestCount = count;
                        rarestField = field.getKey();
                        rarestTerm = term;
                    }
                }
                if (!kept.isEmpty()) {
                    keys.add(boost(terms(field.getKey(), kept), boosts.get(field.getKey())));
                }
            }
            if (!keys.isEmpty()) {
                names.add(new DisjunctionMaxQuery(keys, 0.1f), Occur.SHOULD);
                any = true;
            }
        }
        if (!any && rarestField != null) {
            names.add(new TermQuery(new Term(rarestField, rarestTerm)), Occur.SHOULD);
        }
        return names.build();
    }

    /** Born within the window (points or doc values, whichever is cheaper), or of unknown birth. */
    private static Query birthWindow(int year) {
        BooleanQuery.Builder window = new BooleanQuery.Builder();
        window.add(new IndexOrDocValuesQuery(
                IntPoint.newRangeQuery(ProfileFields.BIRTH_YEAR, year - BIRTH_WINDOW, year + BIRTH_WINDOW),
                SortedNumericDocValuesField.newSlowRangeQuery(ProfileFields.BIRTH_YEAR, year - BIRTH_WINDOW,
                        year + BIRTH_WINDOW)), Occur.SHOULD);
        window.add(new TermQuery(new Term(ProfileFields.BIRTH_KNOWN, "false")), Occur.SHOULD);
        return window.build();
    }

    private static BooleanQuery.Builder base(PersonProfile profile, Set<ProfileKind> kinds, boolean consentOnly,
            CandidateFilter filter) {
        BooleanQuery.Builder query = filters(kinds, consentOnly, filter);
        query.add(new TermQuery(new Term(ProfileFields.ID, profile.id())), Occur.MUST_NOT);
        return query;
    }

    private static Query pairs(List<String> tokens) {
        BooleanQuery.Builder pairs = new BooleanQuery.Builder();
        for (String key : NameKeys.pairs(tokens)) {
            pairs.add(new TermQuery(new Term(ProfileFields.NAME_PAIR, key)), Occur.SHOULD);
        }
        return pairs.build();
    }

    /**
     * Birth year, places (district and below) and relatives rank candidates, none is required. Sex, country
     * and region are left to the scorer: they match too many profiles to be worth visiting.
     */
    private static void evidence(PersonProfile profile, PlaceAliases aliases, BooleanQuery.Builder query) {
        Optional<Integer> year = ProfileFields.birthYear(profile);
        year.ifPresent(y -> query.add(boost(IntPoint.newRangeQuery(ProfileFields.BIRTH_YEAR, y - 3, y + 3), 1f),
                Occur.SHOULD));
        for (String key : ProfileFields.placeKeys(profile.places(), aliases)) {
            String field = key.startsWith("#") ? ProfileFields.PLACE_NAME : ProfileFields.PLACE;
            int depth = key.split("/").length;
            if (!key.startsWith("#") && depth < 3) {
                continue;
            }
            float weight = key.startsWith("#") ? 1f : Math.min(depth, 4) * 0.3f;
            query.add(boost(new TermQuery(new Term(field, key.replace("#", ""))), weight), Occur.SHOULD);
        }
        for (String token : ProfileFields.tokens(profile.familyMemberNames())) {
            query.add(boost(new TermQuery(new Term(ProfileFields.FAMILY_SKELETON, NameKeys.skeleton(token))), 0.7f),
                    Occur.SHOULD);
        }
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
            keys.add(boost(new TermQuery(new Term(ProfileFields.NAME_SKELETON, NameKeys.skeleton(token))), 2.5f));
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

    private static Query terms(String field, Collection<String> values) {
        return new ConstantScoreQuery(new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()));
    }

    private static Query boost(Query query, float boost) {
        return new BoostQuery(query, boost);
    }
}
