package org.kinship.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinship.tracing.Profiles.aCase;
import static org.kinship.tracing.Profiles.aTracingRequest;

import org.junit.jupiter.api.Test;
import org.kinship.tracing.Agreement;
import org.kinship.tracing.PersonProfile;
import org.kinship.tracing.Place;
import org.kinship.tracing.Sex;

class PlaceAndFamilyComparatorsTests {

    private final PlaceComparator places = new PlaceComparator(PlaceAliases.defaults());
    private final FamilyComparator family = new FamilyComparator();

    private Agreement places(Place left, Place right) {
        return places.compare(aCase("a").place(left).build(), aCase("b").place(right).build()).agreement();
    }

    @Test
    void theSameLocationAgrees() {
        assertThat(places(Place.at("SD/DARFUR/NYALA/KALMA"), Place.at("sd/darfur/nyala/kalma")))
                .isEqualTo(Agreement.AGREE);
    }

    @Test
    void twoVillagesOfTheSameDistrictPartlyAgree() {
        assertThat(places(Place.at("SD/DARFUR/NYALA/KALMA"), Place.at("SD/DARFUR/NYALA/OTASH")))
                .isEqualTo(Agreement.PARTIAL);
    }

    @Test
    void theSameRegionAgreesWeaklyAndAnotherCountryDisagrees() {
        assertThat(places(Place.at("SD/DARFUR/NYALA/KALMA"), Place.at("SD/DARFUR/GENEINA/ARDAMATA")))
                .isEqualTo(Agreement.WEAK);
        assertThat(places(Place.at("SD/DARFUR/NYALA"), Place.at("TD/OUADDAI/ADRE"))).isEqualTo(Agreement.DISAGREE);
    }

    @Test
    void aVillageWithTwoNamesAgreesUnderEitherNameAndInArabicScript() {
        assertThat(places(Place.named("Murnei village"), Place.named("Mornei"))).isEqualTo(Agreement.AGREE);
        assertThat(places(Place.named("Al Junaynah"), Place.at("SD/DARFUR/GENEINA"))).isEqualTo(Agreement.AGREE);
        assertThat(places(Place.named("الفاشر"), Place.named("El Fasher"))).isEqualTo(Agreement.AGREE);
    }

    @Test
    void aPlaceToldByNameIsPlacedInTheHierarchyWhenTheGazetteerKnowsIt() {
        PlaceAliases gazetteer = new PlaceAliases(java.util.List.of(java.util.List.of("Otash", "Otash camp")),
                java.util.Map.of("Otash", "SD/DARFUR/NYALA/OTASH", "Kalma", "SD/DARFUR/NYALA/KALMA").entrySet());
        PlaceComparator located = new PlaceComparator(gazetteer);
        assertThat(located.compare(aCase("a").place(Place.named("Otash camp")).build(),
                aCase("b").place(Place.at("SD/DARFUR/NYALA/KALMA")).build()).agreement()).isEqualTo(Agreement.PARTIAL);
        assertThat(places.compare(aCase("a").place(Place.named("Otash camp")).build(),
                aCase("b").place(Place.at("SD/DARFUR/NYALA/KALMA")).build()).agreement()).isEqualTo(Agreement.DISAGREE);
    }

    @Test
    void aNameUpToThreeLocationsShareIsComparedAsEachOfThemAndAMoreCommonOneIsNotLocated() {
        java.util.List<java.util.Map.Entry<String, String>> locations = new java.util.ArrayList<>(java.util.List.of(
                java.util.Map.entry("Goz Amer", "TD/OUADDAI/ADRE/GOZ_AMER"),
                java.util.Map.entry("Goz Amer", "TD/SILA/GOZ_BEIDA/GOZ_AMER")));
        for (int i = 0; i < 4; i++) {
            locations.add(java.util.Map.entry("Hillet", "SD/DARFUR/D" + i + "/HILLET"));
        }
        PlaceComparator located = new PlaceComparator(new PlaceAliases(java.util.List.of(), locations));
        PersonProfile gozAmer = aTracingRequest("t").place(Place.named("Goz Amer camp")).build();

        assertThat(located.compare(gozAmer, aCase("a").place(Place.at("TD/SILA/GOZ_BEIDA/DJABAL")).build())
                .agreement()).isEqualTo(Agreement.PARTIAL);
        assertThat(located.compare(gozAmer, aCase("b").place(Place.at("TD/OUADDAI/ADRE/GOZ_AMER")).build())
                .agreement()).isEqualTo(Agreement.AGREE);
        assertThat(located.compare(aTracingRequest("h").place(Place.named("Hillet")).build(),
                aCase("c").place(Place.at("SD/DARFUR/D2/KALMA")).build()).agreement()).isEqualTo(Agreement.DISAGREE);
    }

    @Test
    void theInquirerNamedOnTheRequestAgreesWithTheFatherNamedOnTheCase() {
        PersonProfile request = aTracingRequest("t").familyMemberNames("حسين علي").build();
        PersonProfile child = aCase("c").sex(Sex.MALE).familyMemberNames("Amina Yusuf", "Houssein Ali Omar").build();
        assertThat(family.compare(request, child).agreement()).isEqualTo(Agreement.AGREE);
    }

    @Test
    void unrelatedRelativesDisagree() {
        PersonProfile request = aTracingRequest("t").familyMemberNames("Jean Kabila").build();
        PersonProfile child = aCase("c").familyMemberNames("Houssein Ali Omar").build();
        assertThat(family.compare(request, child).agreement()).isEqualTo(Agreement.DISAGREE);
    }

    @Test
    void theFathersNamesTheChildCarriesAreNotCountedAgainAsTheFathers() {
        PersonProfile request = aTracingRequest("t").givenNames("Mustafa").familyNames("Hussein Ali")
                .familyMember("father", "Hussein Ali").build();
        PersonProfile sameNames = aCase("c").givenNames("Moustapha").familyNames("Houssein Ali")
                .familyMember("father", "Houssein Ali").build();
        PersonProfile withGrandfathersFather = aCase("d").givenNames("Moustapha").familyNames("Houssein")
                .familyMember("father", "Houssein Ali").build();
        assertThat(family.compare(request, sameNames).agreement()).isEqualTo(Agreement.MISSING);
        // what is left of the father's name on each side ("Ali" against nothing) is not evidence either
        assertThat(family.compare(request, withGrandfathersFather).agreement()).isEqualTo(Agreement.MISSING);
    }

    @Test
    void twoMothersWhoOnlyShareAGivenNameWeaklyAgree() {
        PersonProfile request = aTracingRequest("t").familyMember("mother", "Fatima Hassan").build();
        PersonProfile child = aCase("c").familyMember("mother", "Fatouma Youssouf").build();
        assertThat(family.compare(request, child).agreement()).isEqualTo(Agreement.WEAK);
    }

    @Test
    void osmanUthmanAndTheArabicSpellingAreTheSameFather() {
        PersonProfile request = aTracingRequest("t").familyMember("father", "Osman Ali").build();
        assertThat(family.compare(request, aCase("c").familyMember("father", "Uthman Aly").build()).agreement())
                .isEqualTo(Agreement.AGREE);
        assertThat(family.compare(request, aCase("d").familyMember("father", "عثمان علي").build()).agreement())
                .isEqualTo(Agreement.AGREE);
    }

    @Test
    void theMotherIsComparedWithTheMotherNotWithTheFather() {
        PersonProfile request = aTracingRequest("t").familyMember("mother", "Amina Youssouf").build();
        PersonProfile child = aCase("c").familyMember("father", "Houssein Ali Omar").familyMember("mother", "أمينة يوسف")
                .build();
        assertThat(family.compare(request, child).agreement()).isEqualTo(Agreement.AGREE);
    }

    @Test
    void aMotherOnOneSideAndOnlyAFatherOnTheOtherIsMissingEvidenceNotADisagreement() {
        PersonProfile request = aTracingRequest("t").familyMember("mother", "Amina Yusuf").build();
        PersonProfile child = aCase("c").familyMember("father", "Houssein Ali Omar").build();
        Evidence evidence = family.compare(request, child);
        assertThat(evidence.agreement()).isEqualTo(Agreement.MISSING);
        assertThat(evidence.left()).isEqualTo("Amina Yusuf (mother)");
        assertThat(evidence.right()).isEqualTo("Houssein Ali Omar (father)");
    }

    @Test
    void twoDifferentFathersDisagree() {
        PersonProfile request = aTracingRequest("t").familyMember("father", "Jean Kabila").build();
        PersonProfile child = aCase("c").familyMember("father", "Houssein Ali Omar").familyMember("mother", "Marie Kabila")
                .build();
        assertThat(family.compare(request, child).agreement()).isEqualTo(Agreement.DISAGREE);
    }

    @Test
    void aCaregiverOrARelativeWithoutRelationshipMayBeAnyoneOnTheOtherSide() {
        PersonProfile caregiver = aCase("c").familyMember("caregiver", "Fatouma Hassan").build();
        PersonProfile unsaid = aCase("d").familyMemberNames("Fatouma Hassan").build();
        PersonProfile mother = aTracingRequest("t").familyMember("mother", "Fatuma Hasan").build();
        PersonProfile sibling = aTracingRequest("s").familyMember("sibling", "Fatuma Hasan").build();
        assertThat(family.compare(mother, caregiver).agreement()).isEqualTo(Agreement.AGREE);
        assertThat(family.compare(mother, unsaid).agreement()).isEqualTo(Agreement.AGREE);
        assertThat(family.compare(sibling, aCase("e").familyMember("grandparent", "Fatuma Hasan").build()).agreement())
                .isEqualTo(Agreement.MISSING);
    }
}
