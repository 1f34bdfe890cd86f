package org.kinship.tracing.benchmark;

import java.util.Random;

import org.kinship.tracing.benchmark.NameBank.Name;

/** How a registering worker or an inquirer writes a name: a variant spelling, Arabic script, a typo. */
final class Spelling {

    private final Random random;

    Spelling(Random random) {
        this.random = random;
    }

    /** The usual spelling 40% of the time, else any variant. */
    String latin(Name name) {
        if (random.nextInt(10) < 4) {
            return name.spellings().getFirst();
        }
        return name.spellings().get(random.nextInt(name.spellings().size()));
    }

    String write(Name name, boolean arabicScript) {
        return arabicScript && !name.arabic().isEmpty() ? name.arabic() : latin(name);
    }

    /** One substitution, deletion, insertion or transposition, not on the first letter. */
    String typo(String word) {
        if (word.length() < 4 || !Character.isLetter(word.charAt(1)) || word.chars().anyMatch(c -> c > 0x0600)) {
            return word;
        }
        int i = 1 + random.nextInt(word.length() - 2);
        char letter = "aeiounmrslkt".charAt(random.nextInt(12));
        return switch (random.nextInt(4)) {
            case 0 -> word.substring(0, i) + letter + word.substring(i + 1);
            case 1 -> word.substring(0, i) + word.substring(i + 1);
            case 2 -> word.substring(0, i) + letter + word.substring(i);
            default -> word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
        };
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }
}
