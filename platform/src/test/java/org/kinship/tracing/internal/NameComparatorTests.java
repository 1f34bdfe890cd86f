package org.kinship.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinship.tracing.Profiles.named;

import org.junit.jupiter.api.Test;
import org.kinship.tracing.Agreement;
import org.kinship.tracing.MatchField;
import org.kinship.tracing.MatchWeights;
import org.kinship.tracing.PersonProfile;
import org.kinship.tracing.Profiles;

class NameComparatorTests {

    private final NameComparator comparator = new NameComparator();

    private Agreement compare(String left, String right) {
        return comparator.compare(Profiles.aCase("a").givenNames(left).build(),
                Profiles.aCase("b").givenNames(right).build()).agreement();
    }

    @Test
    void mustafaMoustaphaAndArabicScriptAgreeInEveryPart() {
        assertThat(compare("Mustafa Hussein", "Moustapha Houssein")).isEqualTo(Agreement.FULL);
        assertThat(compare("Mustafa Hussein", "مصطفى حسين")).isEqualTo(Agreement.FULL);
        assertThat(compare("Moustapha Houssein", "مصطفى حسين")).isEqualTo(Agreement.FULL);
    }

    @Test
    void everyPartOfBothNamesMustAgreeForTheFullLevel() {
        assertThat(compare("Mustafa Hussein Ali", "Moustapha Houssein Aly")).isEqualTo(Agreement.FULL);
        assertThat(compare("Mustafa Hussein Ali", "Moustapha Houssein")).isEqualTo(Agreement.AGREE);
        assertThat(compare("Mustafa", "Moustapha")).isEqualTo(Agreement.PARTIAL);
    }

    @Test
    void aPartTheOtherNameContradictsIsWorseThanAPartItDoesNotMention() {
        // the grandfather is Ali in one record and Omar in the other: two namesakes, more often than one child
        assertThat(compare("Mustafa Hussein Ali", "Moustapha Houssein Omar")).isEqualTo(Agreement.PARTIAL);
        assertThat(compare("Mustafa Hussein Ali Idris", "Moustapha Houssein Ali Omar")).isEqualTo(Agreement.PARTIAL);
        // the shorter name says nothing about the grandfather: it agrees
        assertThat(compare("Mustafa Hussein", "Moustapha Houssein Omar")).isEqualTo(Agreement.AGREE);
        assertThat(compare("Mustafa Hussein Ali", "Moustapha Houssein Ali Omar")).isEqualTo(Agreement.AGREE);
        MatchWeights weights = MatchWeights.defaults();
        assertThat(weights.weight(MatchField.NAME, Agreement.PARTIAL))
                .isLessThan(weights.weight(MatchField.NAME, Agreement.AGREE) - 2);
    }

    @Test
    void aNameToldTwiceIsTwoPartsButANicknameRepeatingANameIsNot() {
        // a son named after his father: "Hamza Hamza Sulayman" has two parts called Hamza
        PersonProfile sought = Profiles.aTracingRequest("r").givenNames("Hamza").familyNames("Hamza", "Sulayman")
                .build();
        PersonProfile registered = Profiles.aCase("c").givenNames("Hamza").familyNames("Hamzah").build();
        assertThat(comparator.compare(sought, registered).agreement()).isEqualTo(Agreement.AGREE);
        assertThat(comparator.compare(sought, Profiles.aCase("d").givenNames("حمزة").familyNames("حمزة", "سليمان")
                .build()).agreement()).isEqualTo(Agreement.FULL);
        // a nickname that repeats a name adds no part the other record would lack
        PersonProfile nicknamed = Profiles.aCase("e").givenNames("Mustafa").familyNames("Hussein")
                .otherNames("Mustafa").build();
        assertThat(comparator.compare(nicknamed, Profiles.aCase("f").givenNames("Moustapha").familyNames("Houssein")
                .build()).agreement()).isEqualTo(Agreement.FULL);
    }

    @Test
    void theAgreeingPartsAreNamedBySkeletonForTheirFrequency() {
        Evidence evidence = comparator.compare(Profiles.aCase("a").givenNames("Mustafa Hussein Omar").build(),
                Profiles.aCase("b").givenNames("مصطفى حسين").build());
        assertThat(evidence.agreeingParts()).extracting(Evidence.AgreeingPart::left)
                .containsExactlyInAnyOrder(NameKeys.skeleton("mustafa"), NameKeys.skeleton("hussein"));
        assertThat(comparator.compare(Profiles.aCase("a").givenNames("Mustafa Hussein Omar").build(),
                Profiles.aCase("b").givenNames("Mustafa Ibrahim Khalil").build()).agreeingParts()).isEmpty();
    }

    @Test
    void aFathersNamesCompleteTheChildsLineage() {
        // Arabic naming: given, father's, grandfather's; the father "Mahmud Idris" says the child is "Aisha Mahmud Idris"
        PersonProfile sought = Profiles.aTracingRequest("r").givenNames("Aisha").familyNames("Mahmud")
                .familyMember("father", "Mahmud Idris").build();
        PersonProfile registered = Profiles.aCase("c").givenNames("عائشة").familyNames("محمود", "إدريس").build();
        Evidence evidence = comparator.compare(sought, registered);
        assertThat(evidence.agreement()).isEqualTo(Agreement.FULL);
        assertThat(evidence.left()).isEqualTo("Aisha Mahmud (+ idris)");
        assertThat(evidence.agreeingParts()).hasSize(3);
        // and the index keys the lineage's parts, so the pairs of "Aisha Mahmud Idris" find the request
        assertThat(ProfileFields.nameTokens(sought)).containsExactly("aisha", "mahmud", "idris");
        // without the father's name the shorter name only agrees
        assertThat(comparator.compare(Profiles.aTracingRequest("r").givenNames("Aisha").familyNames("Mahmud").build(),
                registered).agreement()).isEqualTo(Agreement.AGREE);
    }

    @Test
    void aRelativeWhoIsNotTheFatherOrDoesNotCarryTheChildsSecondNameAddsNothing() {
        PersonProfile registered = Profiles.aCase("c").givenNames("Aisha").familyNames("Mahmud", "Idris").build();
        PersonProfile mother = Profiles.aTracingRequest("r").givenNames("Aisha").familyNames("Mahmud")
                .familyMember("mother", "Mahmud Idris").build();
        PersonProfile otherFather = Profiles.aTracingRequest("r").givenNames("Aisha").familyNames("Mahmud")
                .familyMember("father", "Yusuf Idris").build();
        assertThat(NameComparator.withLineage(mother, NameToken.parse(mother.allNames()))).hasSize(2);
        assertThat(NameComparator.withLineage(otherFather, NameToken.parse(otherFather.allNames()))).hasSize(2);
        assertThat(comparator.compare(mother, registered).agreement()).isEqualTo(Agreement.AGREE);
        // a lineage that makes the names disagree more is not taken: the plain reading stays
        PersonProfile twoParts = Profiles.aCase("c").givenNames("Aisha").familyNames("Mahmud").build();
        PersonProfile withFather = Profiles.aTracingRequest("r").givenNames("Aisha").familyNames("Mahmud")
                .familyMember("father", "Mahmud Idris").build();
        assertThat(comparator.compare(withFather, twoParts).agreement()).isEqualTo(Agreement.FULL);
        assertThat(comparator.compare(withFather, twoParts).left()).isEqualTo("Aisha Mahmud");
    }

    @Test
    void singleNamePartsAgreeAcrossSpellingsAndScripts() {
        for (String variant : new String[] {"Moustapha", "مصطفى", "Mostafa"}) {
            assertThat(NameToken.of(NameNormalizer.tokens(variant).getFirst())
                    .similarity(NameToken.of("mustafa"))).as(variant).isGreaterThanOrEqualTo(NameComparator.STRONG);
        }
        for (String variant : new String[] {"Houssein", "حسين", "Hussain", "Husayn"}) {
            assertThat(NameToken.of(NameNormalizer.tokens(variant).getFirst())
                    .similarity(NameToken.of("hussein"))).as(variant).isGreaterThanOrEqualTo(NameComparator.STRONG);
        }
    }

    @Test
    void thFromArabicThaAgreesWithTheSAsItIsSaidAndTshWithCh() {
        for (String variant : new String[] {"Othman", "Uthman", "عثمان", "Usman"}) {
            assertThat(NameToken.of(NameNormalizer.tokens(variant).getFirst())
                    .similarity(NameToken.of("osman"))).as(variant).isGreaterThanOrEqualTo(NameComparator.STRONG);
        }
        assertThat(compare("Thomas Tshibanda", "Tomas Chibanda")).isEqualTo(Agreement.FULL);
        assertThat(compare("Esther Kalthoum", "Ester Kaltuma")).isEqualTo(Agreement.FULL);
        assertThat(NameToken.of("ruth").similarity(NameToken.of("rose"))).isLessThan(NameComparator.WEAK);
        assertThat(NameToken.of("esther").similarity(NameToken.of("sara"))).isLessThan(NameComparator.WEAK);
    }

    @Test
    void shortNamesAgreeWhenTheirPhoneticCodesAgreeToo() {
        assertThat(compare("Issa Aisha", "Eissa Aicha")).isEqualTo(Agreement.FULL);
        assertThat(compare("Isa Ali", "عيسى علي")).isEqualTo(Agreement.FULL);
        assertThat(compare("Gamal Tarik", "Jamal Tariq")).isEqualTo(Agreement.FULL);
    }

    @Test
    void swappedAndDroppedNamePartsStillAgree() {
        assertThat(compare("Hussein Mustafa", "Mustafa Hussein Ali")).isEqualTo(Agreement.AGREE);
    }

    @Test
    void typosAgree() {
        assertThat(compare("Amina Wanjiku", "Ameena Wanjku")).isEqualTo(Agreement.FULL);
    }

    @Test
    void oneSharedPartOfSeveralAgreesOnlyWeakly() {
        assertThat(compare("Mustafa Hussein Omar", "Mustafa Ibrahim Khalil")).isEqualTo(Agreement.WEAK);
    }

    @Test
    void differentNamesDisagreeAndAbsentNamesAreMissing() {
        assertThat(compare("Marie Claire", "Joseph Kabila")).isEqualTo(Agreement.DISAGREE);
        assertThat(comparator.compare(named("Marie", "Kabila"), Profiles.aCase("x").build()).agreement())
                .isEqualTo(Agreement.MISSING);
    }
}
