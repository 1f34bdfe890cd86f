package org.kinship.tracing.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a name as written (any script, any spelling) into lowercase Latin tokens without accents: Arabic is
 * transliterated, the article (al-, el-, ال) is dropped, "abd al X" compounds become one token {@code abdX},
 * nicknames become the formal name.
 */
public final class NameNormalizer {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER = Pattern.compile("[^a-z\\-\\s]+");
    private static final Set<String> ARTICLES = Set.of("al", "el", "ul", "al-", "el-", "ul-", "ad", "ar", "as",
            "at", "an", "ash", "az", "ed", "er", "es", "et", "ez", "ud", "ur", "us", "un", "ibn", "bin", "ben",
            "bint", "wad", "ould", "de", "du", "des", "la", "le", "van", "von", "y", "da", "dos", "del");
    private static final Set<String> ABD = Set.of("abd", "abdul", "abdel", "abdal", "abdoul", "abdu", "abdou",
            "abdil", "abdur", "abder", "abdus", "abdas");

    private NameNormalizer() {
    }

    /** Lowercase, accent-free Latin text: Arabic transliterated, other marks removed. */
    public static String fold(String text) {
        String latin = ArabicTransliterator.containsArabic(text) ? ArabicTransliterator.transliterate(text) : text;
        // ç sounds s (Fayçal, François): folded to c it would read k.
        String decomposed = Normalizer.normalize(latin.replace('ç', 's').replace('Ç', 'S'), Normalizer.Form.NFD);
        String folded = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)
                .replace('ß', 's').replace('ø', 'o').replace('æ', 'a').replace('œ', 'o').replace('ı', 'i');
        return NOT_LETTER.matcher(folded.replace('\'', ' ').replace('’', ' ')).replaceAll(" ");
    }

    /** The name's tokens, normalised; empty for a blank name. */
    public static List<String> tokens(String name) {
        List<String> raw = new ArrayList<>();
        for (String word : fold(name).trim().split("\\s+")) {
            splitArticle(word, raw);
        }
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String token = raw.get(i);
            if (ABD.contains(token) && i + 1 < raw.size()) {
                tokens.add("abd" + raw.get(++i));
            } else if (!ARTICLES.contains(token) && !token.isEmpty()) {
                tokens.add(Nicknames.formal(abdCompound(token)));
            }
        }
        return tokens;
    }

    /** "al-hassan" -> "hassan"; "abd-al-rahman" -> "abd", "rahman". */
    private static void splitArticle(String word, List<String> out) {
        for (String part : word.split("-")) {
            if (!part.isEmpty() && !ARTICLES.contains(part)) {
                out.add(part);
            }
        }
    }

    /** "abdulrahman", "abderrahmane" -> "abdrahman..."; other tokens unchanged. */
    private static String abdCompound(String token) {
        if (!token.startsWith("abd") || token.length() < 7) {
            return token;
        }
        for (String prefix : List.of("abdoul", "abdul", "abdel", "abdal", "abdur", "abder", "abdus", "abdou",
                "abdu")) {
            if (token.startsWith(prefix) && token.length() > prefix.length() + 2) {
                return "abd" + token.substring(prefix.length());
            }
        }
        return token;
    }
}
