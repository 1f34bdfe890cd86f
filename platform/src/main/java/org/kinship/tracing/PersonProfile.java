package org.kinship.tracing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * What the matching engine knows of one child: the projection of a case file or of a tracing request that
 * case files and tracing requests hand to {@link MatchingService} whenever they are saved.
 *
 * @param id                the case file or tracing request id
 * @param kind              which of the two it is
 * @param givenNames        given names as written, any script
 * @param familyNames       family, father's or grandfather's names as written
 * @param otherNames        nicknames and other names the child is known by
 * @param sex               sex, {@link Sex#UNKNOWN} when not recorded
 * @param dateOfBirth       the date of birth as far as it is known, or {@code null}
 * @param age               the age in years told or estimated, or {@code null}
 * @param ageEstimated      true when {@code age} is an estimate (a worker's guess), false when it is known
 * @param ageReferenceDate  the day the age was told or estimated (registration day), or {@code null}
 * @param places            places of origin, separation and last known addresses
 * @param familyMembers     parents, siblings and other relatives with their relationship to the child when
 *                          known; for a tracing request, the inquirer too
 * @param separationDate    when the child was separated from its family as far as it is known, or {@code null}
 * @param consentForTracing true when the child (or the inquirer) agreed to tracing; only such profiles are
 *                          ever offered as candidates
 * @param agencyCode        the agency that owns the record
 * @param ownerId           the user who owns the record
 */
public record PersonProfile(
        String id,
        ProfileKind kind,
        List<String> givenNames,
        List<String> familyNames,
        List<String> otherNames,
        Sex sex,
        @Nullable PartialDate dateOfBirth,
        @Nullable Integer age,
        boolean ageEstimated,
        @Nullable LocalDate ageReferenceDate,
        List<Place> places,
        List<FamilyMember> familyMembers,
        @Nullable PartialDate separationDate,
        boolean consentForTracing,
        String agencyCode,
        String ownerId) {

    public PersonProfile {
        Objects.requireNonNull(id, "id");
        givenNames = List.copyOf(givenNames);
        familyNames = List.copyOf(familyNames);
        otherNames = List.copyOf(otherNames);
        places = List.copyOf(places);
        familyMembers = List.copyOf(familyMembers);
        if (age != null && (age < 0 || age > 120)) {
            throw new IllegalArgumentException("Implausible age: " + age);
        }
    }

    /** Every name of the child: given, family and other names. */
    public List<String> allNames() {
        return Stream.of(givenNames, familyNames, otherNames).flatMap(List::stream).toList();
    }

    /** The relatives' names, whatever their relationship. */
    public List<String> familyMemberNames() {
        return familyMembers.stream().map(FamilyMember::name).toList();
    }

    public static Builder builder(String id, ProfileKind kind) {
        return new Builder(id, kind);
    }

    /** Builds a profile step by step; unset lists are empty, sex is unknown, consent is not given. */
    public static final class Builder {
        private final String id;
        private final ProfileKind kind;
        private final List<String> givenNames = new ArrayList<>();
        private final List<String> familyNames = new ArrayList<>();
        private final List<String> otherNames = new ArrayList<>();
        private Sex sex = Sex.UNKNOWN;
        private @Nullable PartialDate dateOfBirth;
        private @Nullable Integer age;
        private boolean ageEstimated;
        private @Nullable LocalDate ageReferenceDate;
        private final List<Place> places = new ArrayList<>();
        private final List<FamilyMember> familyMembers = new ArrayList<>();
        private @Nullable PartialDate separationDate;
        private boolean consentForTracing;
        private String agencyCode = "";
        private String ownerId = "";

        private Builder(String id, ProfileKind kind) {
            this.id = id;
            this.kind = kind;
        }

        public Builder givenNames(String... names) { givenNames.addAll(List.of(names)); return this; }
        public Builder familyNames(String... names) { familyNames.addAll(List.of(names)); return this; }
        public Builder otherNames(String... names) { otherNames.addAll(List.of(names)); return this; }
        public Builder sex(Sex value) { sex = value; return this; }
        public Builder dateOfBirth(@Nullable PartialDate value) { dateOfBirth = value; return this; }
        public Builder place(Place place) { places.add(place); return this; }
        /** When the child was separated from its family, as the record tells it. */
        public Builder separationDate(@Nullable PartialDate value) { separationDate = value; return this; }
        /** Relatives whose relationship to the child is not known. */
        public Builder familyMemberNames(String... names) {
            for (String name : names) {
                familyMembers.add(FamilyMember.named(name));
            }
            return this;
        }

        /** A relative with the relationship to the child ({@code father}, {@code mother}, ...; empty if unknown). */
        public Builder familyMember(String relationship, String name) {
            familyMembers.add(new FamilyMember(name, relationship));
            return this;
        }
        public Builder consentForTracing(boolean value) { consentForTracing = value; return this; }
        public Builder agencyCode(String value) { agencyCode = value; return this; }
        public Builder ownerId(String value) { ownerId = value; return this; }

        /** An age known for sure on the reference day. */
        public Builder knownAge(int years, LocalDate on) {
            return age(years, false, on);
        }

        /** An age guessed by a worker on the reference day. */
        public Builder estimatedAge(int years, LocalDate on) {
            return age(years, true, on);
        }

        private Builder age(int years, boolean estimated, LocalDate on) {
            age = years;
            ageEstimated = estimated;
            ageReferenceDate = on;
            return this;
        }

        public PersonProfile build() {
            return new PersonProfile(id, kind, givenNames, familyNames, otherNames, sex, dateOfBirth, age,
                    ageEstimated, ageReferenceDate, places, familyMembers, separationDate, consentForTracing, agencyCode,
                    ownerId);
        }
    }
}
