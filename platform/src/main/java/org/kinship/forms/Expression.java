package org.kinship.forms;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A parsed rule ({@code visibleWhen} condition or {@code calculate} expression). Parse once with
 * {@link Rules#parse(String)}, evaluate as often as needed; evaluation never throws and never runs code
 * other than the language's own operators and functions. A value that cannot be computed (a missing
 * field, text where a number is needed) evaluates to {@code null}.
 */
public interface Expression {

    @Nullable Object evaluate(RuleScope scope);

    /** The field references in the expression as written: {@code dob}, {@code item.age}, {@code address.city}. */
    Set<String> references();

    /** The names of the functions the expression calls. */
    Set<String> functions();

    /** {@code true} only when the expression evaluates to the boolean {@code true}. */
    default boolean test(RuleScope scope) {
        return Boolean.TRUE.equals(evaluate(scope));
    }
}
