package org.kinship.tracing.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/** One normalised name part with the keys it is compared by; built once per profile. */
record NameToken(String text, String skeleton, @Nullable String sibilant, Set<String> metaphone) {

    private static final int CACHE_LIMIT = 100_000;
    private static final Map<String, List<NameToken>> CACHE = new ConcurrentHashMap<>();

    static NameToken of(String normalised) {
        return new NameToken(normalised, NameKeys.skeleton(normalised), NameKeys.sibilantSkeleton(normalised),
                NameKeys.doubleMetaphone(normalised));
    }

    /**
     * The distinct tokens of the names, in order. Called for both sides of every candidate scored, so written without
     * streams: two tokens of the same text are the same token, and comparing texts spares hashing the phonetic codes.
     */
    static List<NameToken> parse(List<String> names) {
        if (names.size() == 1) {
            return parsed(names.getFirst());
        }
        List<NameToken> tokens = new ArrayList<>(names.size() * 2);
        for (String name : names) {
            addNew(tokens, name);
        }
        return Collections.unmodifiableList(tokens);
    }

    /**
     * The child's name parts as the name comparison reads them: the given and family names' parts in order, a part
     * recorded in two names kept twice (given "Hamza", family "Hamza Sulayman": a son named after his father has three
     * parts; within one name a repeated word counts once), then the parts of the other names (nicknames) the child's
     * names do not already hold.
     */
    static List<NameToken> parts(List<String> givenNames, List<String> familyNames, List<String> otherNames) {
        List<NameToken> tokens = new ArrayList<>(4);
        for (List<String> names : List.of(givenNames, familyNames)) {
            for (String name : names) {
                tokens.addAll(parsed(name));
            }
        }
        for (String name : otherNames) {
            addNew(tokens, name);
        }
        return Collections.unmodifiableList(tokens);
    }

    /** Adds the name's tokens the list does not hold yet (by text: two tokens of one text are the same token). */
    private static void addNew(List<NameToken> tokens, String name) {
        for (NameToken token : parsed(name)) {
            if (!hasText(tokens, token.text())) {
                tokens.add(token);
            }
        }
    }

    private static boolean hasText(List<NameToken> tokens, String text) {
        for (NameToken token : tokens) {
            if (token.text().equals(text)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tokens of one name, cached: every candidate of every search parses its names and its relatives' names
     * again, and names repeat a lot (normalising and phonetic codes are most of the cost of scoring a candidate).
     */
    private static List<NameToken> parsed(String name) {
        List<NameToken> cached = CACHE.get(name);
        if (cached != null) {
            return cached;
        }
        List<NameToken> tokens = NameNormalizer.tokens(name).stream().distinct().map(NameToken::of).toList();
        if (CACHE.size() > CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(name, tokens);
        return tokens;
    }

    /**
     * Similarity of two name parts, 0..1: the same spelling 1, the same consonant skeleton or phonetic code
     * about 0.9, typos by Jaro-Winkler on the spelling or on the skeleton.
     */
    double similarity(NameToken other) {
        if (text.equals(other.text)) {
            return 1;
        }
        double best = 0;
        boolean sameSkeleton = skeleton.equals(other.skeleton) || skeleton.equals(other.sibilant)
                || other.skeleton.equals(sibilant);
        boolean samePhonetics = metaphone.stream().anyMatch(other.metaphone::contains);
        // A one-letter skeleton (Isa, Aisha, Ali) is only trusted when the phonetic code agrees too.
        if (sameSkeleton && (skeleton.length() >= 2 || samePhonetics)) {
            best = 0.92;
        }
        if (samePhonetics && (skeleton.length() >= 2 || sameSkeleton)) {
            best = Math.max(best, 0.88);
        }
        double spelling = JaroWinkler.similarity(text, other.text);
        if (spelling >= 0.8) {
            best = Math.max(best, spelling * 0.95);
        }
        if (skeleton.length() >= 3 && other.skeleton.length() >= 3) {
            double skeletons = JaroWinkler.similarity(skeleton, other.skeleton);
            if (skeletons >= 0.85) {
                best = Math.max(best, skeletons * 0.85);
            }
        }
        return best;
    }
}
