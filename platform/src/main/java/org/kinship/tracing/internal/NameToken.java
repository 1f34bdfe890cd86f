package org.kinship.tracing.internal;

import java.util.List;
import java.util.Set;

/** One normalised name part with the keys it is compared by; built once per profile. */
record NameToken(String text, String skeleton, Set<String> metaphone) {

    static NameToken of(String normalised) {
        return new NameToken(normalised, NameKeys.skeleton(normalised), NameKeys.doubleMetaphone(normalised));
    }

    static List<NameToken> parse(List<String> names) {
        return names.stream().flatMap(name -> NameNormalizer.tokens(name).stream()).distinct().map(NameToken::of)
                .toList();
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
        boolean sameSkeleton = skeleton.equals(other.skeleton);
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
