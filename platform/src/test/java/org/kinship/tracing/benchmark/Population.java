package org.kinship.tracing.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.kinship.tracing.PartialDate;
import org.kinship.tracing.PersonProfile;
import org.kinship.tracing.Place;
import org.kinship.tracing.ProfileKind;
import org.kinship.tracing.Sex;
import org.kinship.tracing.benchmark.NameBank.Culture;
import org.kinship.tracing.benchmark.NameBank.Name;
import org.kinship.tracing.benchmark.World.Village;

/**
 * Synthetic separated children: child {@code n} is always the same child (seeded by {@code n}); a case is
 * how a caseworker registered the child, a tracing request how a parent described it to another agency.
 */
final class Population {

    static final LocalDate REGISTERED = LocalDate.of(2025, 6, 1);
    /** {@code -Dbenchmark.separationDates=false}: records without separation dates, as before ADR 0029. */
    private static final boolean SEPARATION_DATES = !"false".equals(System.getProperty("benchmark.separationDates"));
    /**
     * {@code -Dbenchmark.separationPlaces=false}: cases record only where they were registered, not where the child
     * says it was separated (the population reported until ADR 0031).
     */
    private static final boolean SEPARATION_PLACES =
            !"false".equals(System.getProperty("benchmark.separationPlaces"));

    record Child(int n, Culture culture, boolean female, List<Name> given, List<Name> family, Name fatherGiven,
                 Name fatherFamily, Name motherGiven, Name motherFamily, LocalDate birth, Village village,
                 LocalDate separated) {
        int age() {
            return java.time.Period.between(birth, REGISTERED).getYears();
        }
    }

    private final long seed;
    private final World world;

    Population(long seed, World world) {
        this.seed = seed;
        this.world = world;
    }

    Child child(int n) {
        Random r = new Random(seed * 1_000_003L + n);
        int c = r.nextInt(100);
        Culture culture = c < 45 ? Culture.ARABIC : c < 65 ? Culture.FRENCH : c < 75 ? Culture.ENGLISH
                : Culture.EAST_AFRICAN;
        boolean female = r.nextBoolean();
        List<Name> given = new ArrayList<>(List.of(pick(NameBank.given(culture, female), r)));
        if (culture != Culture.ARABIC && r.nextInt(10) < 3) {
            given.add(pick(NameBank.given(culture, female), r));
        }
        Name father = pick(NameBank.given(culture, false), r);
        Name family1 = culture == Culture.ARABIC ? father : pick(NameBank.family(culture), r);
        List<Name> family = culture == Culture.ARABIC
                ? List.of(father, pick(NameBank.ARABIC_MALE, r)) : List.of(family1);
        Name fatherFamily = culture == Culture.ARABIC ? family.get(1) : family1;
        LocalDate birth = REGISTERED.minusYears(r.nextInt(18)).minusDays(1 + r.nextInt(364));
        Name motherGiven = pick(NameBank.given(culture, true), r);
        Name motherFamily = pick(NameBank.family(culture), r);
        Village village = world.any(r);
        // drawn apart from the rest, so adding separation dates left every other field of the population as it was
        LocalDate separated = world.separation(village, new Random(seed * 31_000_013L + n));
        return new Child(n, culture, female, given, family, father, fatherFamily, motherGiven, motherFamily, birth,
                village, separated);
    }

    /**
     * The child as a caseworker registered it: ages guessed, names as heard, where it was registered (a neighbouring
     * village or anywhere, half of the time) and, when the child can tell, where it was separated.
     */
    PersonProfile registeredCase(Child child, boolean consent) {
        Random r = new Random(seed * 7_000_003L + child.n());
        Spelling s = new Spelling(r);
        boolean arabic = child.culture() == Culture.ARABIC && s.chance(20);
        List<String> family = new ArrayList<>();
        family.add(s.write(child.family().getFirst(), arabic));
        if (child.family().size() > 1 && s.chance(70)) {
            family.add(s.write(child.family().get(1), arabic));
        }
        PersonProfile.Builder b = PersonProfile.builder("case-" + child.n(), ProfileKind.CASE)
                .givenNames(names(child.given(), s, arabic)).familyNames(typo(family, s, 10).toArray(String[]::new))
                .sex(sex(child, s)).consentForTracing(consent).agencyCode(child.n() % 2 == 0 ? "UNICEF" : "SCI")
                .ownerId("worker-" + child.n() % 50);
        if (s.chance(20)) {
            b.dateOfBirth(PartialDate.of(child.birth()));
        } else {
            int[] offsets = {0, 0, 0, 0, 0, 0, 0, 1, -1, 1, -1, 1, -1, 1, -1, 2, -2, 2, -2, 3};
            b.estimatedAge(Math.max(0, child.age() + offsets[r.nextInt(offsets.length)]), REGISTERED);
        }
        int where = r.nextInt(100);
        Village village = where < 50 ? child.village() : where < 85 ? world.neighbour(child.village(), r) : world.any(r);
        b.place(Place.at(village.path()));
        if (s.chance(60)) {
            b.familyMember("father", s.write(child.fatherGiven(), arabic) + " " + s.write(child.fatherFamily(), arabic));
        }
        if (s.chance(50)) {
            b.familyMember("mother", s.write(child.motherGiven(), arabic) + " " + s.write(child.motherFamily(), arabic));
        }
        // where the child was separated, as it tells it (the tracing form's place of separation, ADR 0031): most
        // children of six and over know their village, few under three; the caseworker picks it from the location
        // list or writes the name heard
        if (SEPARATION_PLACES) {
            Random origin = new Random(seed * 43_000_049L + child.n());
            int knows = child.age() >= 6 ? 80 : child.age() >= 3 ? 40 : 5;
            if (origin.nextInt(100) < knows) {
                Village home = child.village();
                b.place(origin.nextInt(100) < 70 ? Place.at(home.path())
                        : Place.named(!home.alias().isEmpty() && origin.nextBoolean() ? home.alias() : home.name()));
            }
        }
        // the child or its caregiver remembers the day two times in three
        Random told = new Random(seed * 37_000_019L + child.n());
        if (told.nextInt(100) < 65 && SEPARATION_DATES) {
            b.separationDate(remembered(child.separated(), told, 55, 35, 0));
        }
        return b.build();
    }

    /** The child as a parent described it: dates as remembered, parts of the name dropped or swapped. */
    PersonProfile tracingRequest(Child child) {
        Random r = new Random(seed * 13_000_007L + child.n());
        Spelling s = new Spelling(r);
        boolean arabic = child.culture() == Culture.ARABIC && s.chance(40);
        List<String> given = new ArrayList<>(List.of(names(child.given(), s, arabic)));
        List<String> family = new ArrayList<>(List.of(names(child.family(), s, arabic)));
        if (family.size() > 1 && s.chance(30)) {
            family.removeLast();
        }
        if (s.chance(10)) {
            String first = given.getFirst();
            given.set(0, family.getFirst());
            family.set(0, first);
        }
        PersonProfile.Builder b = PersonProfile.builder("req-" + child.n(), ProfileKind.TRACING_REQUEST)
                .givenNames(typo(given, s, 8).toArray(String[]::new))
                .familyNames(typo(family, s, 8).toArray(String[]::new)).sex(sex(child, s)).consentForTracing(true)
                .agencyCode("ICRC").ownerId("tracer-" + child.n() % 20);
        LocalDate birth = s.chance(5) ? child.birth().plusYears(r.nextBoolean() ? 1 : -1) : child.birth();
        int dating = r.nextInt(100);
        if (dating < 30) {
            b.dateOfBirth(PartialDate.of(birth));
        } else if (dating < 50) {
            b.dateOfBirth(PartialDate.ofYearMonth(birth.getYear(), birth.getMonthValue()));
        } else if (dating < 70) {
            b.dateOfBirth(PartialDate.ofYear(birth.getYear()));
        } else {
            b.knownAge(Math.max(0, child.age() + (s.chance(15) ? (r.nextBoolean() ? 1 : -1) : 0)), REGISTERED);
        }
        Village village = child.village();
        if (s.chance(50)) {
            b.place(Place.at(village.path()));
        } else {
            b.place(Place.named(!village.alias().isEmpty() && s.chance(40) ? village.alias() : village.name()));
        }
        boolean father = s.chance(60);
        Name inquirer = father ? child.fatherGiven() : child.motherGiven();
        Name inquirerFamily = father ? child.fatherFamily() : child.motherFamily();
        // the inquirer says who they are to the child nine times in ten
        String relationship = s.chance(90) ? (father ? "father" : "mother") : "";
        b.familyMember(relationship, s.write(inquirer, arabic) + " " + s.write(inquirerFamily, arabic));
        // the parent remembers the day three times in four, now and then a month or more off
        Random told = new Random(seed * 41_000_027L + child.n());
        if (told.nextInt(100) < 75 && SEPARATION_DATES) {
            b.separationDate(remembered(child.separated(), told, 45, 40, 4));
        }
        return b.build();
    }

    /**
     * A separation day as someone remembers it: to the day ({@code dayPercent}), the month ({@code monthPercent}) or
     * the year; a day is a few days off one time in four, and {@code wrongPercent} of all dates are one to four months
     * off.
     */
    private static PartialDate remembered(LocalDate day, Random r, int dayPercent, int monthPercent,
            int wrongPercent) {
        LocalDate date = day;
        if (r.nextInt(100) < wrongPercent) {
            date = date.plusDays((r.nextBoolean() ? 1 : -1) * (30 + r.nextInt(90)));
        }
        int precision = r.nextInt(100);
        if (precision < dayPercent) {
            if (r.nextInt(4) == 0) {
                date = date.plusDays((r.nextBoolean() ? 1 : -1) * (1 + r.nextInt(6)));
            }
            return PartialDate.of(date);
        }
        return precision < dayPercent + monthPercent ? PartialDate.ofYearMonth(date.getYear(), date.getMonthValue())
                : PartialDate.ofYear(date.getYear());
    }

    private static String[] names(List<Name> names, Spelling s, boolean arabic) {
        return names.stream().map(name -> s.write(name, arabic)).toArray(String[]::new);
    }

    private static List<String> typo(List<String> names, Spelling s, int percent) {
        List<String> result = new ArrayList<>(names);
        if (s.chance(percent)) {
            int i = (int) (Math.abs((long) result.hashCode()) % result.size());
            result.set(i, s.typo(result.get(i)));
        }
        return result;
    }

    private static Sex sex(Child child, Spelling s) {
        boolean female = s.chance(2) != child.female();
        return female ? Sex.FEMALE : Sex.MALE;
    }

    private static Name pick(List<Name> names, Random r) {
        return names.get(r.nextInt(names.size()));
    }
}
