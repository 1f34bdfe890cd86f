package org.kinship.forms.internal.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Value rules of the language: numbers are decimals, dates are ISO text, nothing throws. */
final class Values {

    private Values() {
    }

    /** Numbers of any Java type become {@link BigDecimal}; lists are normalized element by element. */
    static @Nullable Object normalize(@Nullable Object value) {
        if (value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Number number) {
            return number instanceof Double || number instanceof Float
                    ? BigDecimal.valueOf(number.doubleValue()) : new BigDecimal(number.toString());
        }
        if (value instanceof Collection<?> collection) {
            List<@Nullable Object> list = new ArrayList<>();
            collection.forEach(element -> list.add(normalize(element)));
            return list;
        }
        return value;
    }

    static boolean same(@Nullable Object left, @Nullable Object right) {
        if (left instanceof BigDecimal l && right instanceof BigDecimal r) {
            return l.compareTo(r) == 0;
        }
        return left == null ? right == null : left.equals(right);
    }

    /** Numbers compare as numbers, text (including ISO dates) alphabetically; anything else is false. */
    static boolean compare(String operator, @Nullable Object left, @Nullable Object right) {
        int c;
        if (left instanceof BigDecimal l && right instanceof BigDecimal r) {
            c = l.compareTo(r);
        } else if (left instanceof String l && right instanceof String r) {
            c = l.compareTo(r);
        } else {
            return false;
        }
        return switch (operator) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    /** {@code x in [list]}; when {@code x} is itself a list (multiple choice), any shared element counts. */
    static boolean in(@Nullable Object left, @Nullable Object right) {
        if (!(right instanceof List<?> list)) {
            return false;
        }
        if (left instanceof List<?> many) {
            return many.stream().anyMatch(element -> in(element, right));
        }
        return list.stream().anyMatch(element -> same(left, element));
    }

    static @Nullable Object arithmetic(String operator, @Nullable Object left, @Nullable Object right) {
        if (operator.equals("+") && (left instanceof String || right instanceof String) && left != null && right != null) {
            return text(left) + text(right);
        }
        if (!(left instanceof BigDecimal l) || !(right instanceof BigDecimal r)) {
            return null;
        }
        return switch (operator) {
            case "+" -> l.add(r);
            case "-" -> l.subtract(r);
            case "*" -> l.multiply(r);
            case "/" -> r.signum() == 0 ? null : l.divide(r, MathContext.DECIMAL64);
            case "%" -> r.signum() == 0 ? null : l.remainder(r);
            default -> null;
        };
    }

    static String text(Object value) {
        return value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString() : value.toString();
    }
}
