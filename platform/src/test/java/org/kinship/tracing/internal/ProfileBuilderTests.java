package org.kinship.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseSection;
import org.kinship.cases.CaseStatus;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupValue;
import org.kinship.tracing.FamilyMember;
import org.kinship.tracing.PartialDate;
import org.kinship.tracing.PersonProfile;
import org.kinship.tracing.Place;
import org.kinship.tracing.ProfileKind;
import org.kinship.tracing.Sex;
import org.kinship.tracing.TracingRequest;
import org.kinship.tracing.TracingSettings;

class ProfileBuilderTests {

    private static final Instant REGISTERED = Instant.parse("2026-03-10T09:00:00Z");
    private static final Lookup LOCATIONS = new Lookup("locations", Map.of("en", "Locations"), List.of(
            LookupValue.of("td", Map.of("en", "Chad")),
            new LookupValue("td-ouaddai", Map.of("en", "Ouaddaï"), false, "td"),
            new LookupValue("td-adre", Map.of("en", "Adré", "ar", "أدري"), false, "td-ouaddai"),
            new LookupValue("td-goz", Map.of("en", "Goz Amer"), false, "td-ouaddai"),
            new LookupValue("cd-goz", Map.of("en", "Goz Amer"), false, "td"),
            new LookupValue("td-camp", Map.of("en", "Camp"), false, "td")), 1);

    private final ProfileBuilder builder = new ProfileBuilder(TracingSettings.defaults(),
            id -> id.equals("locations") ? Optional.of(LOCATIONS) : Optional.empty());

    @Test
    void aCaseOfTheStandardRegistrationFormBecomesAProfileWithItsLocationPathAndAnEstimatedAge() {
        PersonProfile profile = builder.fromCase(caseWith(Map.of("given_name", "Mustafa", "family_name", "Hussein Ali",
                "other_names", "Musti", "sex", "male", "estimated_age", 10, "current_location", "td-adre",
                "caregiver_name", "Fatima Hussein")), true);

        assertThat(profile.kind()).isEqualTo(ProfileKind.CASE);
        assertThat(profile.givenNames()).containsExactly("Mustafa");
        assertThat(profile.familyNames()).containsExactly("Hussein Ali");
        assertThat(profile.otherNames()).containsExactly("Musti");
        assertThat(profile.sex()).isEqualTo(Sex.MALE);
        assertThat(profile.age()).isEqualTo(10);
        assertThat(profile.ageEstimated()).isTrue();
        assertThat(profile.ageReferenceDate()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(profile.places()).containsExactly(Place.at("TD/TD-OUADDAI/TD-ADRE"));
        assertThat(profile.familyMemberNames()).containsExactly("Fatima Hussein");
        assertThat(profile.consentForTracing()).isTrue();
        assertThat(profile.agencyCode()).isEqualTo("AGY");
        assertThat(profile.ownerId()).isEqualTo("worker-1");
    }

    @Test
    void theBuiltInModuleFieldsAndADateOfBirthAreUnderstoodAndUnknownPlacesKeptByName() {
        PersonProfile profile = builder.fromCase(caseWith(Map.of("name_first", "Amina", "name_last", "Bakari",
                "sex", "female", "date_of_birth", "2016-04-02", "age", 9, "location_current", "Kalma camp")), false);

        assertThat(profile.givenNames()).containsExactly("Amina");
        assertThat(profile.familyNames()).containsExactly("Bakari");
        assertThat(profile.dateOfBirth()).isEqualTo(PartialDate.parse("2016-04-02"));
        assertThat(profile.ageEstimated()).isFalse();
        assertThat(profile.places()).containsExactly(Place.named("Kalma camp"));
        assertThat(profile.consentForTracing()).isFalse();
    }

    @Test
    void everySoughtChildOfARequestIsAProfileWithTheInquirerAmongItsRelatives() {
        TracingRequest request = new TracingRequest("req1", "TR-AGY-2026-00001", "tracing_request", 1,
                Map.of("inquirer_name", "Fatima Houssein", "sought_children", List.of(
                        Map.of("name", "Moustapha Houssein", "sex", "male", "age", 10, "separation_place", "td-adre"),
                        Map.of("name", "Khadija", "sex", "female"))),
                "worker-2", "AGY", REGISTERED, "worker-2", REGISTERED, "worker-2", List.of(), 1);

        List<PersonProfile> children = builder.fromRequest(request);

        assertThat(children).extracting(PersonProfile::id).containsExactly("req1~0", "req1~1");
        PersonProfile first = children.getFirst();
        assertThat(first.kind()).isEqualTo(ProfileKind.TRACING_REQUEST);
        assertThat(first.givenNames()).containsExactly("Moustapha");
        assertThat(first.familyNames()).containsExactly("Houssein");
        assertThat(first.age()).isEqualTo(10);
        assertThat(first.ageEstimated()).isFalse();
        assertThat(first.places()).containsExactly(Place.at("TD/TD-OUADDAI/TD-ADRE"));
        assertThat(first.familyMemberNames()).containsExactly("Fatima Houssein");
        assertThat(first.consentForTracing()).isTrue();
        assertThat(children.get(1).sex()).isEqualTo(Sex.FEMALE);
        assertThat(TracingRequest.requestIdOf("req1~1")).isEqualTo("req1");
        assertThat(TracingRequest.soughtChildIdOf("req1~c7")).isEqualTo("c7");
        assertThat(TracingRequest.soughtChildIdOf("case-42")).isNull();
    }

    @Test
    void relativesCarryTheirRelationshipFromTheFieldTheFormNamesOrFromTheirRepeatingGroup() {
        PersonProfile profile = builder.fromCase(caseWith(Map.of("given_name", "Mustafa",
                "caregiver_name", "Fatima Hussein", "caregiver_relationship", "aunt_uncle", "father_name", "Ali Hussein",
                "family_members", List.of(Map.of("name", "Khadija Omar", "relationship", "Mother"),
                        Map.of("name", "Yusuf"), Map.of("relationship", "sibling")))), true);

        assertThat(profile.familyMembers()).containsExactly(new FamilyMember("Fatima Hussein", "aunt_uncle"),
                new FamilyMember("Ali Hussein", "father"), new FamilyMember("Khadija Omar", "mother"),
                FamilyMember.named("Yusuf"));

        TracingRequest request = new TracingRequest("req2", "TR-AGY-2026-00002", "tracing_request", 1,
                Map.of("inquirer_name", "Khadija Omar", "inquirer_relationship", "mother",
                        "sought_children", List.of(Map.of("name", "Moustapha"))),
                "worker-2", "AGY", REGISTERED, "worker-2", REGISTERED, "worker-2", List.of(), 1);
        assertThat(builder.fromRequest(request).getFirst().familyMembers())
                .containsExactly(new FamilyMember("Khadija Omar", "mother"));
    }

    @Test
    void aPlaceTypedByTheNameOfALocationIsPlacedInTheHierarchyAsEachLocationThatCarriesIt() {
        PersonProfile typed = builder.fromCase(caseWith(Map.of("given_name", "Amina", "current_location", "adre camp",
                "place_of_origin", "أدري")), true);
        PersonProfile shared = builder.fromCase(caseWith(Map.of("given_name", "Amina", "current_location", "Goz Amer")),
                true);

        assertThat(typed.places()).containsExactly(Place.at("TD/TD-OUADDAI/TD-ADRE"), Place.at("TD/TD-OUADDAI/TD-ADRE"));
        assertThat(shared.places()).containsExactly(Place.at("TD/CD-GOZ"), Place.at("TD/TD-OUADDAI/TD-GOZ"));
        PersonProfile unknown = builder.fromCase(caseWith(Map.of("given_name", "Amina", "current_location", "Nowhere")),
                true);
        assertThat(unknown.places()).containsExactly(Place.named("Nowhere"));
        PersonProfile generic = builder.fromCase(caseWith(Map.of("given_name", "Amina", "current_location", "Camp")), true);
        assertThat(generic.places()).containsExactly(Place.named("Camp"));
    }

    @Test
    void theSeparationDateAndPlaceOfTheTracingFormsAreRead() {
        // the case's tracing form records where and when the child was separated, the request's sought child too
        PersonProfile registered = builder.fromCase(caseWith(Map.of("given_name", "Amina", "current_location",
                "td-camp", "separation_place", "td-adre", "separation_date", "2024-03")), true);
        assertThat(registered.separationDate()).isEqualTo(PartialDate.parse("2024-03"));
        assertThat(registered.places()).containsExactly(Place.at("TD/TD-CAMP"), Place.at("TD/TD-OUADDAI/TD-ADRE"));

        TracingRequest request = new TracingRequest("req2", "TR-AGY-2026-00002", "tracing_request", 1,
                Map.of("inquirer_name", "Fatima Houssein", "sought_children", List.of(
                        Map.of("name", "Amina", "separation_date", "2024-03-12"), Map.of("name", "Khadija",
                                "separation_date", "last spring"))),
                "worker-2", "AGY", REGISTERED, "worker-2", REGISTERED, "worker-2", List.of(), 1);
        List<PersonProfile> sought = builder.fromRequest(request);
        assertThat(sought.getFirst().separationDate()).isEqualTo(PartialDate.parse("2024-03-12"));
        // a date the form would have refused is no evidence rather than an error
        assertThat(sought.get(1).separationDate()).isNull();
    }

    @Test
    void aMalformedFamilyMemberFieldIsRefusedAtStartWithTheEntryQuoted() {
        TracingSettings defaults = TracingSettings.defaults();
        TracingSettings broken = new TracingSettings(defaults.requestForm(), defaults.requestNumberPattern(),
                defaults.locationLookup(), defaults.relationshipLookup(), defaults.caseGivenNames(), defaults.caseFamilyNames(),
                defaults.caseOtherNames(), defaults.caseSex(), defaults.caseDateOfBirth(), defaults.caseAge(),
                defaults.caseEstimatedAge(), defaults.casePlaces(), List.of("father_name=father", "a/b/c=@x"),
                defaults.caseSeparationDate(), defaults.requestChildren(), defaults.requestChildNames(),
                defaults.requestChildSex(), defaults.requestChildDateOfBirth(), defaults.requestChildAge(),
                defaults.requestChildPlaces(), defaults.requestChildSeparationDate(), List.of("inquirer_name="));

        assertThatThrownBy(() -> new ProfileBuilder(broken, id -> Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a/b/c=@x'");
        assertThat(RelativeField.parse("family_members/name=@relationship"))
                .isEqualTo(new RelativeField("family_members", "name", "relationship", true));
        assertThatThrownBy(() -> RelativeField.parse("inquirer_name=")).hasMessageContaining("'inquirer_name='");
        assertThatThrownBy(() -> RelativeField.parse("=father")).hasMessageContaining("'=father'");
    }

    private static CaseFile caseWith(Map<String, Object> data) {
        return new CaseFile("case-1", "AGY-2026-00001", "child-protection", CaseStatus.OPEN, "none", "worker-1",
                List.of(), List.of(), "AGY", Map.of("registration", new CaseSection("registration", 1, data)),
                REGISTERED, "worker-1", REGISTERED, "worker-1", null, List.of(), List.of(), List.of(), 3);
    }
}
