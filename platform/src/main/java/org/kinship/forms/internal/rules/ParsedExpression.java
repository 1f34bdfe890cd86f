package org.kinship.forms.internal.rules;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.Expression;
import org.kinship.forms.RuleScope;

/** A parsed rule: its text, its tree, and the references and functions it uses (collected once). */
record ParsedExpression(String text, Node root, Set<String> references, Set<String> functions) implements Expression {

    ParsedExpression(String text, Node root) {
        this(text, root, collect(root, true), collect(root, false));
    }

    @Override
    public @Nullable Object evaluate(RuleScope scope) {
        return root.evaluate(scope);
    }

    @Override
    public String toString() {
        return text;
    }

    private static Set<String> collect(Node root, boolean references) {
        Set<String> refs = new LinkedHashSet<>();
        Set<String> functions = new LinkedHashSet<>();
        root.collect(refs, functions);
        return Set.copyOf(references ? refs : functions);
    }
}
