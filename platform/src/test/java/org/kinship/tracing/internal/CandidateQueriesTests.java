package org.kinship.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.kinship.tracing.CandidateFilter;
import org.kinship.tracing.PartialDate;
import org.kinship.tracing.PersonProfile;
import org.kinship.tracing.Place;
import org.kinship.tracing.ProfileKind;
import org.kinship.tracing.Profiles;

class CandidateQueriesTests {

    /** 100,000 profiles: a key carried by more than 2,000 of them is common. */
    private static CandidateQueries.Rarity rarity(Set<String> commonTerms) {
        return new CandidateQueries.Rarity() {
            @Override
            public int docFreq(String field, String term) {
                return commonTerms.contains(term) ? 40_000 : 12;
            }

            @Override
            public int numDocs() {
                return 100_000;
            }
        };
    }

    @Test
    void theSinglePartPassLeavesOutEveryKeyThatIsCommonEvenOfAnUncommonNamePart() {
        Set<String> codes = NameKeys.doubleMetaphone("mahamat");
        assertThat(codes).isNotEmpty();
        String skeleton = NameKeys.skeleton("mahamat");

        String query = CandidateQueries.rareKeys(List.of("mahamat"), rarity(codes)).toString();


        assertThat(query).contains(ProfileFields.NAME_SKELETON + ":(" + skeleton + ")")
                .contains(ProfileFields.NAME_BEIDER_MORSE + ":").doesNotContain(ProfileFields.NAME_METAPHONE + ":");
    }

    @Test
    void whenEveryKeyIsCommonOnlyTheRarestIsVisited() {
        List<Query> clauses = CandidateQueries.rareKeys(List.of("mohamed"), new CandidateQueries.Rarity() {
            @Override
            public int docFreq(String field, String term) {
                return field.equals(ProfileFields.NAME_TOKEN) ? 5_000 : 30_000;
            }

            @Override
            public int numDocs() {
                return 100_000;
            }
        });

        assertThat(clauses).singleElement().asString().contains(ProfileFields.NAME_TOKEN + ":(mohamed)");
    }

    @Test
    void rarerKeysWeighMoreAndAnExactNamePartMoreThanATypo() {
        CandidateQueries.Rarity rarity = rarity(Set.of());
        float rare = boost(CandidateQueries.weighted(ProfileFields.NAME_TOKEN, List.of("zawadi"), 10, rarity));
        float common = boost(CandidateQueries.weighted(ProfileFields.NAME_TOKEN, List.of("juma"), 1_500, rarity));
        float typo = boost(CandidateQueries.weighted(ProfileFields.NAME_SKELETON_DELETES, List.of("zwd"), 10, rarity));

        assertThat(rare).isGreaterThan(common).isGreaterThan(0f);
        assertThat(rare).isGreaterThan(typo);
    }

    @Test
    void theSinglePartPassIsAPureDisjunctionOfNameKeysWithFiltersAndItsEvidenceApart() {
        PersonProfile profile = Profiles.aTracingRequest("req-1").givenNames("Zawadi").familyNames("Otieno")
                .dateOfBirth(PartialDate.ofYear(2015)).place(Place.at("SD/DARFUR/NYALA/KALMA"))
                .familyMember("father", "Kiprono Otieno").familyMember("mother", "Akinyi Wekesa").build();

        List<CandidateQueries.Pass> passes = CandidateQueries.candidates(profile, Set.of(ProfileKind.CASE), true,
                CandidateFilter.unrestricted(), PlaceAliases.defaults(), rarity(Set.of()));

        assertThat(passes).hasSize(2);
        CandidateQueries.Pass single = passes.get(1);
        BooleanQuery retrieval = (BooleanQuery) single.retrieval();
        assertThat(retrieval.clauses()).allSatisfy(clause -> assertThat(clause.occur()).isNotEqualTo(Occur.MUST));
        assertThat(retrieval.getMinimumNumberShouldMatch()).isEqualTo(1);
        assertThat(retrieval.clauses()).filteredOn(clause -> clause.occur() == Occur.SHOULD)
                .flatExtracting(clause -> clause.query() instanceof DisjunctionMaxQuery part ? part.getDisjuncts()
                        : List.of(clause.query()))
                .allSatisfy(key -> assertThat(key).isInstanceOf(BoostQuery.class)
                        .extracting(q -> ((BoostQuery) q).getQuery()).isInstanceOf(ConstantScoreQuery.class));
        assertThat(retrieval.toString()).contains(ProfileFields.NAME_DISTRICT + ":(" + ProfileFields.withKey(
                NameKeys.skeleton("zawadi"), "SD/DARFUR/NYALA") + ")")
                .contains(ProfileFields.withKey(NameKeys.skeleton("otieno"), 2016))
                // a typo in every name part: one-consonant keys with the district (ADR 0026)
                .contains(ProfileFields.TYPO_DISTRICT + ":").contains(ProfileFields.withKey("zd", "SD/DARFUR/NYALA"))
                // the mother's full name retrieves; the father's "Otieno" is the child's own name, "Kiprono" alone no pair
                .contains(ProfileFields.FAMILY_PAIR + ":").contains(NameKeys.pairs(List.of("akinyi", "wekesa")).iterator()
                        .next()).doesNotContain(NameKeys.skeleton("kiprono"))
                // a name part with the village, by its path and by its name (ADR 0030); places themselves only rank
                .contains(ProfileFields.NAME_PLACE + ":(").contains(ProfileFields.withKey(NameKeys.skeleton("zawadi"),
                        "SD/DARFUR/NYALA/KALMA"))
                .doesNotContain(" " + ProfileFields.PLACE + ":").doesNotContain("(" + ProfileFields.PLACE + ":")
                .doesNotContain(ProfileFields.FAMILY_SKELETON + ":");
        assertThat(single.evidence().toString()).contains(ProfileFields.PLACE + ":SD/DARFUR/NYALA");
        // relatives rank by the parts of their names the child does not carry: the father's "Otieno" is the child's
        // family name, counted once already by the name keys
        assertThat(single.evidence().toString())
                .contains(ProfileFields.FAMILY_SKELETON + ":" + NameKeys.skeleton("kiprono"))
                .contains(ProfileFields.FAMILY_SKELETON + ":" + NameKeys.skeleton("akinyi"))
                .contains(ProfileFields.FAMILY_SKELETON + ":" + NameKeys.skeleton("wekesa"))
                .doesNotContain(ProfileFields.FAMILY_SKELETON + ":" + NameKeys.skeleton("otieno"));
        assertThat(passes.getFirst().retrieval().toString())
                .doesNotContain(ProfileFields.FAMILY_SKELETON + ":" + NameKeys.skeleton("otieno"));
    }

    private static float boost(Query query) {
        return ((BoostQuery) query).getBoost();
    }
}
