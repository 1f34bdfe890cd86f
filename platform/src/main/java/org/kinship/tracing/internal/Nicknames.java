package org.kinship.tracing.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Nicknames and short forms mapped to the formal name, for the languages the field teams meet most. Keys
 * and values are normalised (lowercase, no accents).
 */
final class Nicknames {

    private static final Map<String, String> FORMAL = new HashMap<>();

    static {
        // English
        add("william", "bill", "billy", "will", "willy");
        add("robert", "bob", "bobby", "rob", "robbie");
        add("elizabeth", "liz", "lizzie", "beth", "betty", "eliza");
        add("katherine", "kate", "katie", "kathy", "catherine");
        add("michael", "mike", "mikey", "mick");
        add("james", "jim", "jimmy", "jamie");
        add("thomas", "tom", "tommy");
        add("joseph", "joe", "joey");
        add("margaret", "maggie", "peggy", "meg");
        add("david", "dave", "davy");
        add("peter", "pete");
        add("daniel", "dan", "danny");
        add("samuel", "sam", "sammy");
        add("charles", "charlie", "chuck");
        add("richard", "rick", "ricky", "dick");
        add("edward", "eddie", "ted");
        add("benjamin", "benny");
        add("christopher", "chris");
        add("nicholas", "nick", "nicky");
        add("anthony", "tony");
        add("alexander", "alex");
        add("andrew", "andy", "drew");
        add("matthew", "matt");
        add("stephen", "steve");
        add("rebecca", "becky");
        add("susan", "sue", "suzy");
        add("deborah", "debbie", "debby");
        add("jennifer", "jenny");
        // French
        add("jean", "jeannot");
        add("pierre", "pierrot");
        add("marie", "mimi", "marion");
        add("francois", "fanfan");
        add("emmanuel", "manu");
        add("dieudonne", "dieudo");
        // Spanish
        add("jose", "pepe", "chepe");
        add("francisco", "paco", "pancho", "curro");
        add("dolores", "lola");
        add("ignacio", "nacho");
        add("jesus", "chucho", "chuy");
        add("guadalupe", "lupe");
        // Arabic (as spelled in Latin script after normalisation)
        add("mohamed", "hamada", "hamoudi", "mido", "moha", "muhammad", "mohammed", "mohamad", "mahamat",
                "mamadou", "mouhamed");
        add("fatima", "fatma", "fatuma", "tuma", "fatou");
        add("aisha", "aicha", "aysha", "ayesha", "asha");
        add("ibrahim", "brahim", "ebrahim", "ibrahima");
        add("youssef", "yusuf", "yousef", "youssouf", "yusuph");
        add("mustafa", "moustapha", "mostafa", "mustapha");
        // East African
        add("elizabeth", "eliza");
        add("nyambura", "nyam");
        add("wanjiku", "shiku");
    }

    private Nicknames() {
    }

    private static void add(String formal, String... nicknames) {
        for (String nickname : nicknames) {
            FORMAL.putIfAbsent(nickname, formal);
        }
    }

    /** The formal name of a nickname, or the name itself. */
    static String formal(String normalisedName) {
        return FORMAL.getOrDefault(normalisedName, normalisedName);
    }
}
