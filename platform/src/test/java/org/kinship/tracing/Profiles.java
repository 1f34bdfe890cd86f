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

    /** A case named as given, e.g. {@code named("Mustafa Hussein")}. */
    public static PersonProfile named(String given, String family) {
        return aCase("c-" + given).givenNames(given).familyNames(family).build();
    }
}
