package org.kinship.tracing.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.kinship.tracing.PartialDate;
import org.kinship.tracing.PersonProfile;

/**
 * When a child was born, as a point in (fractional) years and a tolerance either side, from the date of
 * birth if any, else from the age told or estimated on a reference day.
 */
record BirthEstimate(double centre, double tolerance) {

    static Optional<BirthEstimate> of(PersonProfile profile, double knownAgeTolerance, double estimatedAgeTolerance) {
        PartialDate dob = profile.dateOfBirth();
        if (dob != null) {
            double earliest = years(dob.earliest());
            double latest = years(dob.latest().plusDays(1));
            return Optional.of(new BirthEstimate((earliest + latest) / 2, (latest - earliest) / 2));
        }
        Integer age = profile.age();
        LocalDate reference = profile.ageReferenceDate();
        if (age == null || reference == null) {
            return Optional.empty();
        }
        // Someone aged n was born between n + 1 and n years before the reference day.
        double centre = years(reference) - age - 0.5;
        double tolerance = profile.ageEstimated()
                ? Math.max(estimatedAgeTolerance, 0.15 * age)
                : knownAgeTolerance;
        return Optional.of(new BirthEstimate(centre, tolerance));
    }

    static double years(LocalDate date) {
        return date.getYear() + (date.getDayOfYear() - 1) / (double) date.lengthOfYear();
    }

    /** "born 2013.4 ± 2.0", whatever the server's locale (the review screen words it in the reader's language). */
    String describe() {
        return String.format(Locale.ROOT, "born %.1f ± %.1f", centre, tolerance);
    }
}
