package org.kinship.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

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
        String query = CandidateQueries.rareKeys(List.of("mohamed"), new CandidateQueries.Rarity() {
            @Override
            public int docFreq(String field, String term) {
                return field.equals(ProfileFields.NAME_TOKEN) ? 5_000 : 30_000;
            }

            @Override
            public int numDocs() {
                return 100_000;
            }
        }).toString();

        assertThat(query).isEqualTo(ProfileFields.NAME_TOKEN + ":mohamed");
    }
}
