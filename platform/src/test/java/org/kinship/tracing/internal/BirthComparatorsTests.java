package org.kinship.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinship.tracing.Profiles.REGISTERED;
import static org.kinship.tracing.Profiles.aCase;

import org.junit.jupiter.api.Test;
import org.kinship.tracing.Agreement;
import org.kinship.tracing.PartialDate;
import org.kinship.tracing.PersonProfile;

class BirthComparatorsTests {

    private final AgeComparator ages = new AgeComparator(0.5, 2);
    private final DateOfBirthComparator dates = new DateOfBirthComparator();

    private static PersonProfile estimated(int age) {
        return aCase("e" + age).estimatedAge(age, REGISTERED).build();
    }

    private static PersonProfile known(int age) {
        return aCase("k" + age).knownAge(age, REGISTERED).build();
    }

    private static PersonProfile born(String date) {
        return aCase("d" + date).dateOfBirth(PartialDate.parse(date)).build();
    }

    @Test
    void ages10And12PartlyAgreeWhenEstimated() {
        assertThat(ages.compare(estimated(10), estimated(12)).agreement()).isEqualTo(Agreement.PARTIAL);
    }

    @Test
    void anEstimateThreeYearsOffAKnownAgeWeaklyAgreesAndSixYearsOffDisagrees() {
        assertThat(ages.compare(estimated(13), known(10)).agreement()).isEqualTo(Agreement.WEAK);
        assertThat(ages.compare(estimated(16), known(10)).agreement()).isEqualTo(Agreement.DISAGREE);
    }

    @Test
    void ages10And12DisagreeWhenBothAreKnown() {
        assertThat(ages.compare(known(10), known(12)).agreement()).isEqualTo(Agreement.DISAGREE);
    }

    @Test
    void closeAgesAgreeAndAgesFarApartDisagreeEvenWhenEstimated() {
        assertThat(ages.compare(estimated(10), estimated(11)).agreement()).isEqualTo(Agreement.AGREE);
        assertThat(ages.compare(estimated(6), estimated(14)).agreement()).isEqualTo(Agreement.DISAGREE);
    }

    @Test
    void anAgeIsComparedWithADateOfBirth() {
        assertThat(ages.compare(known(10), born("2014-09-10")).agreement()).isEqualTo(Agreement.AGREE);
        assertThat(ages.compare(estimated(10), born("2010")).agreement()).isEqualTo(Agreement.DISAGREE);
    }

    @Test
    void theYear2015PartlyAgreesWithTheSecondOfMarch2015() {
        assertThat(dates.compare(born("2015"), born("2015-03-02")).agreement()).isEqualTo(Agreement.PARTIAL);
        assertThat(dates.compare(born("2015-03"), born("2015-03-02")).agreement()).isEqualTo(Agreement.PARTIAL);
    }

    @Test
    void theSameFullDateAgreesAndSwappedDayAndMonthPartlyAgree() {
        assertThat(dates.compare(born("2015-03-02"), born("2015-03-02")).agreement()).isEqualTo(Agreement.AGREE);
        assertThat(dates.compare(born("2015-03-02"), born("2015-02-03")).agreement()).isEqualTo(Agreement.PARTIAL);
    }

    @Test
    void differentDatesDisagreeAndAnAbsentDateIsMissing() {
        assertThat(dates.compare(born("2014"), born("2015-03-02")).agreement()).isEqualTo(Agreement.DISAGREE);
        assertThat(dates.compare(known(10), born("2015")).agreement()).isEqualTo(Agreement.MISSING);
    }
}
