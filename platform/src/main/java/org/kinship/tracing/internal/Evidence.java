package org.kinship.tracing.internal;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

import org.kinship.tracing.Agreement;
import org.kinship.tracing.MatchField;

/**
 * What one comparator found for one field, before it is weighed.
 *
 * @param agreeingParts for names: the name parts that agree well, by the skeletons of both sides (weighed by their
 *                      frequency in the index); empty for other fields
 */
public record Evidence(MatchField field, Agreement agreement, String left, String right,
                       List<AgreeingPart> agreeingParts) {

    /** One well-agreeing pair of name parts, by their consonant skeletons ({@link NameKeys#skeleton}). */
    public record AgreeingPart(String left, String right) {
    }

    public Evidence {
        agreeingParts = List.copyOf(agreeingParts);
    }

    public Evidence(MatchField field, Agreement agreement, String left, String right) {
        this(field, agreement, left, right, List.of());
    }

    static Evidence missing(MatchField field, String left, String right) {
        return new Evidence(field, Agreement.MISSING, left, right);
    }

    /** Missing when either side does not know the value, else how the two values agree; both shown as written. */
    static <T> Evidence between(MatchField field, @Nullable T left, @Nullable T right,
            BiFunction<T, T, Agreement> agreement) {
        String l = Objects.toString(left, "");
        String r = Objects.toString(right, "");
        return left == null || right == null ? missing(field, l, r)
                : new Evidence(field, agreement.apply(left, right), l, r);
    }
}
