package org.kinship.forms.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.Expression;
import org.kinship.forms.RuleSyntaxException;
import org.kinship.forms.Rules;

/**
 * Conditions and calculations: they parse, refer only to fields that exist ({@code item.x} only to a
 * sibling inside the same repeating group), and calculations do not depend on themselves in a circle.
 */
final class RuleCheck {

    private final List<RawField> fields;
    private final Problems problems;
    private final Map<String, RawField> byKey = new LinkedHashMap<>();

    RuleCheck(List<RawField> fields, Problems problems) {
        this.fields = fields;
        this.problems = problems;
        fields.forEach(f -> byKey.put(f.key(), f));
    }

    void check() {
        Map<String, Set<String>> calculationDependencies = new LinkedHashMap<>();
        for (RawField field : fields) {
            check(field, "visibleWhen");
            Expression calculation = check(field, "calculate");
            if (calculation != null) {
                Set<String> dependencies = new HashSet<>();
                calculation.references().forEach(ref -> {
                    String key = resolve(field, ref);
                    if (key != null) {
                        dependencies.add(key);
                    }
                });
                calculationDependencies.put(field.key(), dependencies);
            }
        }
        new CycleFinder(calculationDependencies).cycles().forEach(cycle ->
                problems.error(byKey.get(cycle.getFirst()).annotationPointer("calculate"),
                        "forms.definition.calculationCycle", String.join(" -> ", cycle)));
    }

    private @Nullable Expression check(RawField field, String key) {
        if (!field.annotation().has(key)) {
            return null;
        }
        String text = field.annotationText(key);
        if (text == null) {
            problems.error(field.annotationPointer(key), "forms.definition.ruleNotText");
            return null;
        }
        try {
            Expression expression = Rules.parse(text);
            for (String ref : expression.references()) {
                if (resolve(field, ref) == null) {
                    problems.error(field.annotationPointer(key), "forms.definition.unknownReference", ref);
                }
            }
            return expression;
        } catch (RuleSyntaxException e) {
            problems.error(field.annotationPointer(key), "forms.definition.ruleSyntax", e.getMessage());
            return null;
        }
    }

    /** The key of the field a reference names, or null: {@code item.x} is a sibling, anything else top level. */
    private @Nullable String resolve(RawField from, String reference) {
        String[] parts = reference.split("\\.");
        if (parts[0].equals("item")) {
            if (from.group() == null || parts.length < 2) {
                return null;
            }
            String key = from.group() + "." + parts[1];
            return byKey.containsKey(key) ? key : null;
        }
        RawField target = byKey.get(parts[0]);
        return target != null && target.group() == null ? parts[0] : null;
    }

    /** Depth-first search for circles in "calculation A uses field B". */
    private static final class CycleFinder {
        private final Map<String, Set<String>> edges;
        private final Map<String, Integer> state = new HashMap<>();
        private final List<String> stack = new ArrayList<>();
        private final List<List<String>> cycles = new ArrayList<>();

        CycleFinder(Map<String, Set<String>> edges) {
            this.edges = edges;
        }

        List<List<String>> cycles() {
            edges.keySet().forEach(this::visit);
            return cycles;
        }

        private void visit(String node) {
            Integer seen = state.get(node);
            if (seen != null) {
                if (seen == 1) {
                    List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(node), stack.size()));
                    cycle.add(node);
                    cycles.add(cycle);
                }
                return;
            }
            state.put(node, 1);
            stack.add(node);
            edges.getOrDefault(node, Set.of()).stream().sorted().forEach(this::visit);
            stack.removeLast();
            state.put(node, 2);
        }
    }
}
