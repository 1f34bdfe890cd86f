package org.kinship.tracing.internal;

import java.util.Map;

/**
 * Arabic script to plain Latin letters, the way names are commonly spelled in registration forms: no
 * diacritics, hamza and ain dropped (ain as {@code a} at the start of a word), long vowels as vowels, ta marbuta as {@code a}, the article {@code ال} as
 * {@code al-}. Short vowels are not written in Arabic, so {@code مصطفى} becomes {@code mstfa}; spelling
 * variants are reconciled later by the consonant skeleton ({@link NameKeys}).
 */
final class ArabicTransliterator {

    private static final Map<Character, String> LETTERS = Map.ofEntries(
            Map.entry('ا', "a"), Map.entry('أ', "a"), Map.entry('إ', "i"), Map.entry('آ', "a"),
            Map.entry('ٱ', "a"), Map.entry('ء', ""), Map.entry('ؤ', "u"), Map.entry('ئ', "i"),
            Map.entry('ب', "b"), Map.entry('ت', "t"), Map.entry('ث', "th"), Map.entry('ج', "j"),
            Map.entry('ح', "h"), Map.entry('خ', "kh"), Map.entry('د', "d"), Map.entry('ذ', "dh"),
            Map.entry('ر', "r"), Map.entry('ز', "z"), Map.entry('س', "s"), Map.entry('ش', "sh"),
            Map.entry('ص', "s"), Map.entry('ض', "d"), Map.entry('ط', "t"), Map.entry('ظ', "z"),
            Map.entry('ع', ""), Map.entry('غ', "gh"), Map.entry('ف', "f"), Map.entry('ق', "q"),
            Map.entry('ك', "k"), Map.entry('ک', "k"), Map.entry('ل', "l"), Map.entry('م', "m"),
            Map.entry('ن', "n"), Map.entry('ه', "h"), Map.entry('ة', "a"), Map.entry('ى', "a"),
            Map.entry('پ', "p"), Map.entry('چ', "ch"), Map.entry('ژ', "zh"), Map.entry('گ', "g"),
            Map.entry('ڤ', "v"), Map.entry('َ', "a"), Map.entry('ُ', "u"), Map.entry('ِ', "i"));

    private ArabicTransliterator() {
    }

    static boolean containsArabic(String text) {
        return text.chars().anyMatch(c -> c >= 0x0600 && c <= 0x06FF);
    }

    /** Transliterates the Arabic letters of the text; other characters pass through. */
    static String transliterate(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        int wordStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean atWordStart = i == wordStart;
            if (Character.isWhitespace(c) || c == '-') {
                out.append(c);
                wordStart = i + 1;
            } else if (atWordStart && c == 'ا' && i + 1 < text.length() && text.charAt(i + 1) == 'ل'
                    && i + 2 < text.length() && Character.isLetter(text.charAt(i + 2))) {
                out.append("al-");
                i++;
                wordStart = i + 1;
            } else if (c == 'ع' && atWordStart) {
                out.append('a');
            } else if (c == 'و' || c == 'ي' || c == 'ی') {
                out.append(semivowel(c, atWordStart));
            } else if (c == 'ّ' && !out.isEmpty()) {
                out.append(out.charAt(out.length() - 1));
            } else if (c >= 0x0600 && c <= 0x06FF) {
                out.append(LETTERS.getOrDefault(c, ""));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Waw and ya are consonants at the start of a word and long vowels inside it. */
    private static String semivowel(char c, boolean atWordStart) {
        if (c == 'و') {
            return atWordStart ? "w" : "u";
        }
        return atWordStart ? "y" : "i";
    }
}
