package org.kinship.tracing;

import java.time.LocalDate;

/** Test data builders for matching profiles. */
public final class Profiles {

    public static final LocalDate REGISTERED = LocalDate.of(2025, 6, 1);

    private Profiles() {
    }

    /** A consenting case of agency UNICEF owned by worker-1, with nothing else known. */
    public static PersonProfile.Builder aCase(String id) {
        return PersonProfile.builder(id, ProfileKind.CASE).consentForTracing(true).agencyCode("UNICEF")
                .ownerId("worker-1");
    }

    /** A consenting tracing request of agency ICRC owned by worker-2. */
    public static PersonProfile.Builder aTracingRequest(String id) {
        return PersonProfile.builder(id, ProfileKind.TRACING_REQUEST).consentForTracing(true).agencyCode("ICRC")
                .ownerId("worker-2");
    }

    /** Case 1: Moustapha Houssein, a boy of about 9, registered in Kalma (Nyala district). */
    public static PersonProfile.Builder moustaphaRegistered() {
        return aCase("case-1").givenNames("Moustapha").familyNames("Houssein").sex(Sex.MALE)
                .estimatedAge(9, REGISTERED).place(Place.at("SD/DARFUR/NYALA/KALMA"));
    }

    /** Request 1: his parents look for مصطفى حسين, born in 2015. */
    public static PersonProfile.Builder mustafaSought() {
        return aTracingRequest("req-1").givenNames("مصطفى").familyNames("حسين").sex(Sex.MALE)
                .dateOfBirth(PartialDate.ofYear(2015));
    }

    /** A case named as given, e.g. {@code named("Mustafa Hussein")}. */
    public static PersonProfile named(String given, String family) {
        return aCase("c-" + given).givenNames(given).familyNames(family).build();
    }
}
