package org.kinship.tracing.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.kinship.tracing.internal.PlaceAliases;

/**
 * A location hierarchy of countries, regions, districts and villages with made-up names; a quarter of the
 * villages have a second name (the deployment's alias table knows them).
 */
final class World {

    record Village(int index, String country, String region, String district, String name, String alias) {
        String path() {
            return String.join("/", country, region, district, name.toUpperCase(Locale.ROOT).replace(' ', '_'));
        }
    }

    private static final String[] SYLLABLES = {"ka", "ma", "ba", "lo", "um", "ga", "ri", "ne", "da", "so", "tu",
        "mo", "ke", "ya", "ni", "bo", "shi", "dur", "kor", "fa", "sa", "li", "wa", "ra", "jo", "te"};

    /** The first day children of this population were separated, and over how many days they were. */
    static final LocalDate FIRST_SEPARATION = LocalDate.of(2023, 1, 1);
    static final int SEPARATION_DAYS = 880;

    final List<Village> villages = new ArrayList<>();
    /** Per district (25 villages each), the days of the attacks, floods and flights that separated children. */
    private final List<List<LocalDate>> events = new ArrayList<>();

    World(Random random) {
        for (String country : List.of("SD", "SS", "CD", "TD")) {
            for (int r = 0; r < 4; r++) {
                for (int d = 0; d < 8; d++) {
                    for (int v = 0; v < 25; v++) {
                        String name = word(random);
                        String alias = random.nextInt(4) == 0 ? word(random) : "";
                        villages.add(new Village(villages.size(), country, "R" + r, "D" + d, name, alias));
                    }
                }
            }
        }
        // drawn after the villages, so adding the events left the villages as they were
        Random dates = new Random(random.nextLong());
        for (int district = 0; district < villages.size() / 25; district++) {
            List<LocalDate> days = new ArrayList<>();
            for (int e = 2 + dates.nextInt(6); e > 0; e--) {
                days.add(FIRST_SEPARATION.plusDays(dates.nextInt(SEPARATION_DAYS)));
            }
            events.add(days);
        }
    }

    private static String word(Random random) {
        StringBuilder word = new StringBuilder();
        int syllables = 2 + random.nextInt(2);
        for (int i = 0; i < syllables; i++) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    Village any(Random random) {
        return villages.get(random.nextInt(villages.size()));
    }

    /**
     * When a child of the village was separated: three in four in one of the district's events (over up to three
     * days of flight), the others on a day of their own.
     */
    LocalDate separation(Village village, Random random) {
        if (random.nextInt(4) == 0) {
            return FIRST_SEPARATION.plusDays(random.nextInt(SEPARATION_DAYS));
        }
        List<LocalDate> days = events.get(village.index() / 25);
        return days.get(random.nextInt(days.size())).plusDays(random.nextInt(3));
    }

    /** Another village of the same district. */
    Village neighbour(Village village, Random random) {
        int first = village.index() - village.index() % 25;
        return villages.get(first + random.nextInt(25));
    }

    PlaceAliases aliases() {
        List<List<String>> groups = new ArrayList<>();
        villages.stream().filter(v -> !v.alias().isEmpty()).forEach(v -> groups.add(List.of(v.name(), v.alias())));
        // every village by its names, names repeating across districts as in a deployment's location lookup
        List<java.util.Map.Entry<String, String>> gazetteer = new ArrayList<>();
        villages.forEach(v -> gazetteer.add(java.util.Map.entry(v.name(), v.path())));
        villages.stream().filter(v -> !v.alias().isEmpty())
                .forEach(v -> gazetteer.add(java.util.Map.entry(v.alias(), v.path())));
        return new PlaceAliases(groups, gazetteer);
    }
}
