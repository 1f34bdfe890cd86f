package org.kinship.forms.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.RuleScope;

/** The few node types a rule parses into. Each evaluates itself; none can run anything else. */
sealed interface Node {

    @Nullable Object evaluate(RuleScope scope);

    void collect(Set<String> references, Set<String> functions);

    record Literal(@Nullable Object value) implements Node {
        public @Nullable Object evaluate(RuleScope scope) {
            return value;
        }

        public void collect(Set<String> references, Set<String> functions) {
        }
    }

    /** {@code a}, {@code a.b}, {@code item.b}: a path into the data, or into the current group item. */
    record Reference(List<String> path) implements Node {
        public @Nullable Object evaluate(RuleScope scope) {
            Object current = scope.data();
            List<String> rest = path;
            if (path.size() > 1 && path.getFirst().equals("item")) {
                current = scope.item();
                rest = path.subList(1, path.size());
            }
            for (String name : rest) {
                if (!(current instanceof Map<?, ?> map)) {
                    return null;
                }
                current = map.get(name);
            }
            return Values.normalize(current);
        }

        public void collect(Set<String> references, Set<String> functions) {
            references.add(String.join(".", path));
        }
    }

    record ListOf(List<Node> elements) implements Node {
        public Object evaluate(RuleScope scope) {
            List<@Nullable Object> values = new ArrayList<>();
            elements.forEach(e -> values.add(e.evaluate(scope)));
            return values;
        }

        public void collect(Set<String> references, Set<String> functions) {
            elements.forEach(e -> e.collect(references, functions));
        }
    }

    record Not(Node operand) implements Node {
        public @Nullable Object evaluate(RuleScope scope) {
            Object value = operand.evaluate(scope);
            return value instanceof Boolean b ? !b : null;
        }

        public void collect(Set<String> references, Set<String> functions) {
            operand.collect(references, functions);
        }
    }

    record Negate(Node operand) implements Node {
        public @Nullable Object evaluate(RuleScope scope) {
            return Values.arithmetic("-", java.math.BigDecimal.ZERO, operand.evaluate(scope));
        }

        public void collect(Set<String> references, Set<String> functions) {
            operand.collect(references, functions);
        }
    }

    /** {@code and} / {@code or} short-circuit; a missing operand counts as false. */
    record Logical(String operator, Node left, Node right) implements Node {
        public Object evaluate(RuleScope scope) {
            boolean l = Boolean.TRUE.equals(left.evaluate(scope));
            if (operator.equals("and")) {
                return l && Boolean.TRUE.equals(right.evaluate(scope));
            }
            return l || Boolean.TRUE.equals(right.evaluate(scope));
        }

        public void collect(Set<String> references, Set<String> functions) {
            left.collect(references, functions);
            right.collect(references, functions);
        }
    }

    record Binary(String operator, Node left, Node right) implements Node {
        public @Nullable Object evaluate(RuleScope scope) {
            Object l = left.evaluate(scope);
            Object r = right.evaluate(scope);
            return switch (operator) {
                case "==" -> Values.same(l, r);
                case "!=" -> !Values.same(l, r);
                case "<", "<=", ">", ">=" -> Values.compare(operator, l, r);
                case "in" -> Values.in(l, r);
                case "not in" -> !Values.in(l, r);
                default -> Values.arithmetic(operator, l, r);
            };
        }

        public void collect(Set<String> references, Set<String> functions) {
            left.collect(references, functions);
            right.collect(references, functions);
        }
    }

    record Call(String function, List<Node> arguments) implements Node {
        public @Nullable Object evaluate(RuleScope scope) {
            List<@Nullable Object> values = new ArrayList<>();
            arguments.forEach(a -> values.add(a.evaluate(scope)));
            return Functions.call(function, values, scope);
        }

        public void collect(Set<String> references, Set<String> functions) {
            functions.add(function);
            arguments.forEach(a -> a.collect(references, functions));
        }
    }
}
