package org.kinship.tracing.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.codec.language.bm.NameType;
import org.apache.commons.codec.language.bm.PhoneticEngine;
import org.apache.commons.codec.language.bm.RuleType;
import org.jspecify.annotations.Nullable;

/**
 * Keys under which differently spelled forms of one name meet: a consonant skeleton that bridges Arabic
 * script (short vowels unwritten) and Latin spellings, Double Metaphone and Beider-Morse phonetic codes, and
 * character trigrams for typos. Input tokens come from {@link NameNormalizer#tokens(String)}.
 */
public final class NameKeys {

    private static final int CACHE_LIMIT = 200_000;
    private static final Map<String, Set<String>> BEIDER_MORSE_CACHE = new ConcurrentHashMap<>();
    private static final DoubleMetaphone DOUBLE_METAPHONE = new DoubleMetaphone();
    private static final PhoneticEngine BEIDER_MORSE = new PhoneticEngine(NameType.GENERIC, RuleType.APPROX, true, 8);

    static {
        DOUBLE_METAPHONE.setMaxCodeLen(6);
    }

    private NameKeys() {
    }

    /**
     * "moustapha", "mustafa" and "mstfa" (from مصطفى) all give "mstf". Hard and soft g meet j, as ج is
     * written either way (Gamal, Jamal; Gibril, Jibril). A final "ng" is read "n": the velar nasal of Dinka and Luo
     * names is heard and written either way (Garang, Garan; Ochieng, Ochien; ADR 0031).
     */
    public static String skeleton(String token) {
        String word = token.length() > 3 && token.endsWith("ng") ? token.substring(0, token.length() - 1) : token;
        String s = word.replace("x", "ks").replace("tch", "x").replace("tsh", "x").replace("sch", "x")
                .replace("ph", "f").replace("kh", "k").replace("gh", "g").replace("sh", "x").replace("ch", "x").replace("th", "t")
                .replace("dh", "d").replace("dj", "j").replace("ck", "k").replace("ou", "u").replace('q', 'k')
                .replace("ce", "se").replace("ci", "si").replace('c', 'k')
                .replace('g', 'j');
        if (s.length() > 1 && s.endsWith("h")) {
            s = s.substring(0, s.length() - 1);
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("aeiouyw".indexOf(c) < 0 && (out.isEmpty() || out.charAt(out.length() - 1) != c)) {
                out.append(c);
            }
        }
        return out.isEmpty() ? token.substring(0, Math.min(1, token.length())) : out.toString();
    }

    /**
     * The skeleton read with "th" as "s", or {@code null} when the name has no "th": Arabic ث is written "th" in
     * transliteration but said and spelled "s" in Sudan, Chad and East Africa (Othman, Uthman, Osman, Usman). Only
     * skeletons of three consonants or more.
     */
    public static @Nullable String sibilantSkeleton(String token) {
        if (!token.contains("th")) {
            return null;
        }
        // short skeletons would make English and French names meet others (Ruth and Rose, Esther and Sara)
        String sibilant = skeleton(token.replace("th", "s"));
        return sibilant.length() >= 3 ? sibilant : null;
    }

    /** The skeleton, and the {@link #sibilantSkeleton} when there is one: the keys a name part is indexed under. */
    public static Set<String> skeletons(String token) {
        String sibilant = sibilantSkeleton(token);
        String skeleton = skeleton(token);
        return sibilant == null || sibilant.equals(skeleton) ? Set.of(skeleton)
                : new LinkedHashSet<>(List.of(skeleton, sibilant));
    }

    /** Primary and alternate Double Metaphone codes. */
    public static Set<String> doubleMetaphone(String token) {
        Set<String> codes = new LinkedHashSet<>();
        String primary = DOUBLE_METAPHONE.doubleMetaphone(token);
        String alternate = DOUBLE_METAPHONE.doubleMetaphone(token, true);
        if (primary != null && !primary.isEmpty()) {
            codes.add(primary);
        }
        if (alternate != null && !alternate.isEmpty()) {
            codes.add(alternate);
        }
        return codes;
    }

    /** Beider-Morse approximate generic codes; cached, names repeat a lot. */
    public static Set<String> beiderMorse(String token) {
        Set<String> cached = BEIDER_MORSE_CACHE.get(token);
        if (cached != null) {
            return cached;
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String code : BEIDER_MORSE.encode(token).split("[|\\-]")) {
            if (!code.isBlank()) {
                codes.add(code);
            }
        }
        Set<String> result = Set.copyOf(codes);
        if (BEIDER_MORSE_CACHE.size() > CACHE_LIMIT) {
            BEIDER_MORSE_CACHE.clear();
        }
        BEIDER_MORSE_CACHE.put(token, result);
        return result;
    }

    /**
     * The skeleton and the skeleton with each consonant left out once: two names one consonant typo apart
     * share one of these keys ("symmetric delete").
     */
    public static Set<String> skeletonDeletes(String token) {
        String skeleton = skeleton(token);
        Set<String> keys = new LinkedHashSet<>();
        keys.add(skeleton);
        if (skeleton.length() >= 3) {
            for (int i = 0; i < skeleton.length(); i++) {
                keys.add(skeleton.substring(0, i) + skeleton.substring(i + 1));
            }
        }
        return keys;
    }

    /**
     * Keys for every two name parts together, in either order, by skeleton and by Double Metaphone: two
     * profiles sharing such a key share two name parts, a selective block even among a million profiles.
     */
    public static Set<String> pairs(List<String> tokens) {
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            for (int j = i + 1; j < tokens.size(); j++) {
                for (String a : skeletons(tokens.get(i))) {
                    for (String b : skeletons(tokens.get(j))) {
                        keys.add(pair("s", a, b));
                    }
                }
                for (String a : doubleMetaphone(tokens.get(i))) {
                    for (String b : doubleMetaphone(tokens.get(j))) {
                        keys.add(pair("m", a, b));
                    }
                }
            }
        }
        return keys;
    }

    private static String pair(String kind, String a, String b) {
        return a.compareTo(b) <= 0 ? kind + ":" + a + "|" + b : kind + ":" + b + "|" + a;
    }

    /** Trigrams of the token padded with {@code _}: "ali" -> "_al", "ali", "li_". */
    public static List<String> trigrams(String token) {
        String padded = "_" + token + "_";
        List<String> grams = new ArrayList<>();
        for (int i = 0; i + 3 <= padded.length(); i++) {
            grams.add(padded.substring(i, i + 3));
        }
        return grams;
    }
}
