package org.kinship.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinship.tracing.Profiles.aCase;
import static org.kinship.tracing.Profiles.aTracingRequest;

import org.junit.jupiter.api.Test;
import org.kinship.tracing.Agreement;
import org.kinship.tracing.MatchField;
import org.kinship.tracing.PartialDate;

class SeparationDateComparatorTests {

    private final SeparationDateComparator comparator = new SeparationDateComparator();

    private Agreement compare(String registered, String told) {
        return comparator.compare(aCase("c").separationDate(PartialDate.parse(registered)).build(),
                aTracingRequest("r").separationDate(PartialDate.parse(told)).build()).agreement();
    }

    @Test
    void theSameDayRememberedAFewDaysApartAgrees() {
        assertThat(compare("2024-03-10", "2024-03-10")).isEqualTo(Agreement.AGREE);
        assertThat(compare("2024-03-10", "2024-03-13")).isEqualTo(Agreement.AGREE);
        assertThat(compare("2024-12-30", "2025-01-02")).isEqualTo(Agreement.AGREE);
    }

    @Test
    void daysWithinThreeWeeksOrAMonthThatHoldsTheDayPartlyAgree() {
        assertThat(compare("2024-03-10", "2024-03-25")).isEqualTo(Agreement.PARTIAL);
        assertThat(compare("2024-03", "2024-03-10")).isEqualTo(Agreement.PARTIAL);
        assertThat(compare("2024-03", "2024-03")).isEqualTo(Agreement.PARTIAL);
    }

    @Test
    void aYearThatHoldsTheDateOrDatesWeeksApartOnlyWeaklyAgree() {
        assertThat(compare("2024", "2024-03-10")).isEqualTo(Agreement.WEAK);
        assertThat(compare("2024", "2024")).isEqualTo(Agreement.WEAK);
        assertThat(compare("2024-03-01", "2024-04-20")).isEqualTo(Agreement.WEAK);
        assertThat(compare("2024-03", "2024-04-05")).isEqualTo(Agreement.WEAK);
    }

    @Test
    void separationsMonthsApartDisagree() {
        assertThat(compare("2024-03-10", "2024-09-10")).isEqualTo(Agreement.DISAGREE);
        assertThat(compare("2024-03", "2024-06")).isEqualTo(Agreement.DISAGREE);
        assertThat(compare("2023", "2024-06-01")).isEqualTo(Agreement.DISAGREE);
    }

    @Test
    void aDateOnlyOneSideKnowsIsMissingEvidence() {
        Evidence evidence = comparator.compare(aCase("c").separationDate(PartialDate.parse("2024-03")).build(),
                aTracingRequest("r").build());
        assertThat(evidence.field()).isEqualTo(MatchField.SEPARATION_DATE);
        assertThat(evidence.agreement()).isEqualTo(Agreement.MISSING);
        assertThat(evidence.left()).isEqualTo("2024-03");
    }
}
