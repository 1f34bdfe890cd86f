package org.kinship.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MatchWeightsTests {

    private final MatchWeights weights = MatchWeights.defaults();

    @Test
    void agreementAddsLog2OfMOverUAndMissingEvidenceAddsNothing() {
        MatchWeights tuned = weights.with(MatchField.SEX, Agreement.AGREE, 0.8, 0.4);
        assertThat(tuned.weight(MatchField.SEX, Agreement.AGREE)).isCloseTo(1.0, within(1e-9));
        assertThat(tuned.weight(MatchField.NAME, Agreement.MISSING)).isZero();
        assertThat(weights.weight(MatchField.NAME, Agreement.DISAGREE)).isNegative();
    }

    @Test
    void labelsFollowTheAdministratorsThresholds() {
        MatchWeights strict = weights.withThresholds(20, 10);
        assertThat(strict.label(19.9)).isEqualTo(MatchLabel.POSSIBLE);
        assertThat(strict.label(20)).isEqualTo(MatchLabel.LIKELY);
        assertThat(strict.label(9.9)).isEqualTo(MatchLabel.UNLIKELY);
    }

    @Test
    void rejectsImpossibleProbabilitiesAndInvertedThresholds() {
        assertThatThrownBy(() -> weights.with(MatchField.SEX, Agreement.AGREE, 1.0, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> weights.withThresholds(5, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsOverrideTheDefaultThresholds() {
        MatchingSettings settings = new MatchingSettings(18, 9, 0.5, 2, 100);
        assertThat(settings.weights().likelyThreshold()).isEqualTo(18);
        assertThat(settings.weights().possibleThreshold()).isEqualTo(9);
    }

    @Test
    void weightsStoredBeforeALevelOrFieldExistedTakeTheDefaultsForIt() {
        java.util.Map<MatchField, java.util.Map<Agreement, MatchWeights.Probabilities>> stored = new java.util.EnumMap<>(
                MatchField.class);
        stored.put(MatchField.SEX, java.util.Map.of(Agreement.AGREE, new MatchWeights.Probabilities(0.9, 0.45),
                Agreement.DISAGREE, new MatchWeights.Probabilities(0.1, 0.55)));
        stored.put(MatchField.AGE, java.util.Map.of(Agreement.AGREE, new MatchWeights.Probabilities(0.5, 0.1)));
        MatchWeights old = new MatchWeights(stored, 20, 10);
        assertThat(old.weight(MatchField.SEPARATION_DATE, Agreement.AGREE)).isZero();

        MatchWeights completed = old.completedWith(weights);
        // what was stored stays, what was not is the default
        assertThat(completed.weight(MatchField.SEX, Agreement.AGREE)).isCloseTo(1.0, within(1e-9));
        assertThat(completed.weight(MatchField.AGE, Agreement.AGREE)).isCloseTo(Math.log(5) / Math.log(2), within(1e-9));
        assertThat(completed.weight(MatchField.AGE, Agreement.WEAK)).isEqualTo(weights.weight(MatchField.AGE,
                Agreement.WEAK));
        assertThat(completed.weight(MatchField.SEPARATION_DATE, Agreement.AGREE)).isPositive()
                .isEqualTo(weights.weight(MatchField.SEPARATION_DATE, Agreement.AGREE));
        assertThat(completed.likelyThreshold()).isEqualTo(20);
        assertThat(completed.possibleThreshold()).isEqualTo(10);
    }
}
