package org.kinship.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinship.tracing.Profiles.REGISTERED;
import static org.kinship.tracing.Profiles.aCase;
import static org.kinship.tracing.Profiles.aTracingRequest;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kinship.tracing.Agreement;
import org.kinship.tracing.FieldComparison;
import org.kinship.tracing.MatchCandidate;
import org.kinship.tracing.MatchField;
import org.kinship.tracing.MatchWeights;
import org.kinship.tracing.Matching;
import org.kinship.tracing.PersonProfile;
import org.kinship.tracing.Place;
import org.kinship.tracing.Sex;

/** Frequency-based name weights (ADR 0024) and the weight of a further agreeing name part (ADR 0032). */
class NameFrequencyTests {

    private final MatchScorer scorer = Matching.scorer();
    private final MatchingIndex index = Matching.index();

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private static PersonProfile sought(String names) {
        return aTracingRequest("request-" + names).givenNames(names).sex(Sex.MALE).estimatedAge(9, REGISTERED)
                .place(Place.at("SD/DARFUR/NYALA/OTASH")).build();
    }

    private static PersonProfile registered(String id, String names) {
        return aCase(id).givenNames(names).sex(Sex.MALE).estimatedAge(9, REGISTERED)
                .place(Place.at("SD/DARFUR/GENEINA/V1")).build();
    }

    private static double nameWeight(MatchCandidate candidate) {
        return candidate.comparisons().stream().filter(c -> c.field() == MatchField.NAME)
                .mapToDouble(FieldComparison::weight).sum();
    }

    /** Frequencies given by hand: the share of profiles carrying each skeleton. */
    private static NameFrequencies shares(Map<String, Double> shares, double reference) {
        return new NameFrequencies() {
            @Override
            public double share(String skeleton) {
                return shares.getOrDefault(skeleton, 0.0);
            }

            @Override
            public double reference() {
                return reference;
            }
        };
    }

    @Test
    void aRareNamesAgreementWeighsMoreThanACommonOnes() {
        NameFrequencies frequencies = shares(Map.of(NameKeys.skeleton("mohamed"), 0.08, NameKeys.skeleton("ahmed"),
                0.06, NameKeys.skeleton("zubeir"), 0.0002, NameKeys.skeleton("tijani"), 0.0003), 0.01);
        MatchCandidate common = scorer.score(sought("Mohamed Ahmed"), registered("c", "Mohammed Ahmad"), frequencies);
        MatchCandidate rare = scorer.score(sought("Zubeir Tijani"), registered("r", "Zubair Tijany"), frequencies);
        assertThat(common.comparisons().getFirst().agreement()).isEqualTo(Agreement.FULL);
        assertThat(rare.comparisons().getFirst().agreement()).isEqualTo(Agreement.FULL);
        double level = scorer.weights().weight(MatchField.NAME, Agreement.FULL);
        assertThat(nameWeight(common)).isLessThan(level);
        assertThat(nameWeight(rare)).isGreaterThan(level);
        assertThat(rare.score() - common.score()).isCloseTo(nameWeight(rare) - nameWeight(common),
                org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void oneRarePartAddsAtMostTheLimitAndStrengthZeroTurnsTheAdjustmentOff() {
        NameFrequencies frequencies = shares(Map.of(NameKeys.skeleton("zubeir"), 1e-9, NameKeys.skeleton("tijani"),
                0.01), 0.01);
        double level = scorer.weights().weight(MatchField.NAME, Agreement.FULL);
        MatchCandidate rare = scorer.score(sought("Zubeir Tijani"), registered("r", "Zubair Tijany"), frequencies);
        assertThat(nameWeight(rare)).isCloseTo(level + MatchWeights.NameFrequency.defaults().limit(),
                org.assertj.core.api.Assertions.within(1e-9));
        MatchScorer off = scorer.withWeights(scorer.weights().withNameFrequency(MatchWeights.NameFrequency.off()));
        assertThat(nameWeight(off.score(sought("Zubeir Tijani"), registered("r", "Zubair Tijany"), frequencies)))
                .isEqualTo(level);
    }

    @Test
    void aTypoDoesNotMakeACommonNameRare() {
        NameFrequencies frequencies = shares(Map.of(NameKeys.skeleton("mohamed"), 0.08, NameKeys.skeleton("ahmed"),
                0.06, NameKeys.skeleton("mohanad"), 0.00001), 0.01);
        MatchCandidate typo = scorer.score(sought("Mohaned Ahmed"), registered("c", "Mohamed Ahmed"), frequencies);
        MatchCandidate exact = scorer.score(sought("Mohamed Ahmed"), registered("c", "Mohamed Ahmed"), frequencies);
        assertThat(typo.comparisons().getFirst().agreement()).isEqualTo(Agreement.FULL);
        assertThat(nameWeight(typo)).isEqualTo(nameWeight(exact));
    }

    @Test
    void everyPartAgreeingWeighsMoreThanMostParts() {
        MatchCandidate full = scorer.score(sought("Zubeir Tijani Hamid"), registered("f", "Zubair Tijany Hamid"));
        MatchCandidate most = scorer.score(sought("Zubeir Tijani Hamid"), registered("m", "Zubair Tijany"));
        assertThat(full.comparisons().getFirst().agreement()).isEqualTo(Agreement.FULL);
        assertThat(most.comparisons().getFirst().agreement()).isEqualTo(Agreement.AGREE);
        assertThat(nameWeight(full)).isGreaterThan(nameWeight(most) + 3);
    }

    @Test
    void eachAgreeingPartBeyondTwoAddsTheBitsOfAFurtherPart() {
        double further = scorer.weights().nameFrequency().furtherPart();
        assertThat(further).isPositive();
        MatchCandidate three = scorer.score(sought("Zubeir Tijani Hamid"), registered("3", "Zubair Tijany Hamid"));
        MatchCandidate two = scorer.score(sought("Zubeir Tijani"), registered("2", "Zubair Tijany"));
        assertThat(three.comparisons().getFirst().agreement()).isEqualTo(Agreement.FULL);
        assertThat(two.comparisons().getFirst().agreement()).isEqualTo(Agreement.FULL);
        double full = scorer.weights().weight(MatchField.NAME, Agreement.FULL);
        assertThat(nameWeight(two)).isEqualTo(full);
        assertThat(nameWeight(three)).isCloseTo(full + further, org.assertj.core.api.Assertions.within(1e-9));

        // whatever the level: three parts of a longer name, three parts and a contradicted fourth
        MatchCandidate agree = scorer.score(sought("Zubeir Tijani Hamid"),
                registered("a", "Zubair Tijany Hamid Osman"));
        assertThat(agree.comparisons().getFirst().agreement()).isEqualTo(Agreement.AGREE);
        assertThat(nameWeight(agree)).isCloseTo(scorer.weights().weight(MatchField.NAME, Agreement.AGREE) + further,
                org.assertj.core.api.Assertions.within(1e-9));
        MatchCandidate partial = scorer.score(sought("Zubeir Tijani Hamid Osman"),
                registered("p", "Zubair Tijany Hamid Bakri"));
        assertThat(partial.comparisons().getFirst().agreement()).isEqualTo(Agreement.PARTIAL);
        assertThat(nameWeight(partial)).isCloseTo(scorer.weights().weight(MatchField.NAME, Agreement.PARTIAL)
                + further, org.assertj.core.api.Assertions.within(1e-9));

        // set to 0 (weights stored before ADR 0032), three parts weigh their level like two
        MatchScorer none = scorer.withWeights(scorer.weights().withNameFrequency(
                new MatchWeights.NameFrequency(1, 8, 0)));
        assertThat(nameWeight(none.score(sought("Zubeir Tijani Hamid"), registered("3", "Zubair Tijany Hamid"))))
                .isEqualTo(full);
    }

    @Test
    void theBitsOfAFurtherPartAreBounded() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MatchWeights.NameFrequency(1, 8, -1))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MatchWeights.NameFrequency(1, 8, 65))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theIndexWeighsNamesByHowManyProfilesCarryThem() {
        for (int i = 0; i < 40; i++) {
            index.put(registered("common-" + i, i % 2 == 0 ? "Mohamed Ahmed" : "Mohamed Ahmed Ali"));
        }
        for (int i = 0; i < 20; i++) {
            index.put(registered("other-" + i, "Name" + (char) ('a' + i) + " Other" + (char) ('a' + i)));
        }
        index.put(registered("rare", "Zubair Tijany"));
        MatchCandidate common = index.score(sought("Mohammed Ahmad"), registered("common-0", "Mohamed Ahmed"));
        MatchCandidate rare = index.score(sought("Zubeir Tijani"), registered("rare", "Zubair Tijany"));
        assertThat(common.comparisons().getFirst().agreement()).isEqualTo(Agreement.FULL);
        assertThat(rare.comparisons().getFirst().agreement()).isEqualTo(Agreement.FULL);
        assertThat(nameWeight(rare)).isGreaterThan(nameWeight(common) + 4);
        double level = scorer.weights().weight(MatchField.NAME, Agreement.FULL);
        assertThat(nameWeight(common)).isLessThan(level);
        assertThat(nameWeight(rare)).isGreaterThan(level);
    }
}
