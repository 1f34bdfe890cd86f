package org.kinship.forms.internal.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.kinship.forms.Expression;
import org.kinship.forms.RuleSyntaxException;
import org.kinship.forms.Rules;

/**
 * Recursive-descent parser of the rule language, loosest binding first:
 * {@code or < and < not < comparison / in < + - < * / % < unary minus < primary}.
 */
public final class Parser {

    private static final int MAX_DEPTH = 50;

    private final String text;
    private List<Token> tokens = List.of();
    private int index;
    private int depth;

    public Parser(String text) {
        this.text = text;
    }

    public Expression parse() {
        if (text.length() > Rules.MAX_LENGTH) {
            throw new RuleSyntaxException("the rule is longer than " + Rules.MAX_LENGTH + " characters", Rules.MAX_LENGTH);
        }
        tokens = new Lexer(text).tokens();
        if (peek().type() == Token.Type.END) {
            throw new RuleSyntaxException("the rule is empty", 0);
        }
        Node root = or();
        if (peek().type() != Token.Type.END) {
            throw error("unexpected '" + peek().text() + "'");
        }
        return new ParsedExpression(text, root);
    }

    private Node or() {
        Node left = and();
        while (peek().isWord("or") || peek().isOperator("||")) {
            index++;
            left = new Node.Logical("or", left, and());
        }
        return left;
    }

    private Node and() {
        Node left = not();
        while (peek().isWord("and") || peek().isOperator("&&")) {
            index++;
            left = new Node.Logical("and", left, not());
        }
        return left;
    }

    private Node not() {
        if (peek().isWord("not") || peek().isOperator("!")) {
            index++;
            return nested(() -> new Node.Not(not()));
        }
        return comparison();
    }

    private Node comparison() {
        Node left = additive();
        Token token = peek();
        if (token.type() == Token.Type.OPERATOR && List.of("==", "!=", "<", "<=", ">", ">=").contains(token.text())) {
            index++;
            return new Node.Binary(token.text(), left, additive());
        }
        if (token.isWord("in")) {
            index++;
            return new Node.Binary("in", left, additive());
        }
        if (token.isWord("not") && tokens.get(index + 1).isWord("in")) {
            index += 2;
            return new Node.Binary("not in", left, additive());
        }
        return left;
    }

    private Node additive() {
        return leftAssociative(List.of("+", "-"), this::multiplicative);
    }

    private Node multiplicative() {
        return leftAssociative(List.of("*", "/", "%"), this::unary);
    }

    private Node leftAssociative(List<String> operators, java.util.function.Supplier<Node> operand) {
        Node left = operand.get();
        while (peek().type() == Token.Type.OPERATOR && operators.contains(peek().text())) {
            String operator = tokens.get(index++).text();
            left = new Node.Binary(operator, left, operand.get());
        }
        return left;
    }

    private Node unary() {
        if (peek().isOperator("-")) {
            index++;
            return nested(() -> new Node.Negate(unary()));
        }
        return primary();
    }

    private Node primary() {
        Token token = tokens.get(index++);
        return switch (token.type()) {
            case NUMBER -> new Node.Literal(new BigDecimal(token.text()));
            case STRING -> new Node.Literal(token.text());
            case IDENTIFIER -> word(token);
            case OPERATOR -> operatorStart(token);
            case END -> throw new RuleSyntaxException("the rule ends too early", token.position());
        };
    }

    private Node operatorStart(Token token) {
        if (token.text().equals("(")) {
            Node inner = nested(this::or);
            expect(")");
            return inner;
        }
        if (token.text().equals("[")) {
            List<Node> elements = new ArrayList<>();
            if (!peek().isOperator("]")) {
                do {
                    elements.add(nested(this::or));
                } while (accept(","));
            }
            expect("]");
            return new Node.ListOf(elements);
        }
        throw new RuleSyntaxException("unexpected '" + token.text() + "'", token.position());
    }

    private Node word(Token token) {
        switch (token.text()) {
            case "true": return new Node.Literal(Boolean.TRUE);
            case "false": return new Node.Literal(Boolean.FALSE);
            case "null": return new Node.Literal(null);
            case "and", "or", "not", "in": throw new RuleSyntaxException("unexpected '" + token.text() + "'", token.position());
            default: break;
        }
        if (accept("(")) {
            return call(token);
        }
        List<String> path = new ArrayList<>(List.of(token.text()));
        while (accept(".")) {
            Token part = tokens.get(index++);
            if (part.type() != Token.Type.IDENTIFIER) {
                throw new RuleSyntaxException("a field name must follow '.'", part.position());
            }
            path.add(part.text());
        }
        return new Node.Reference(List.copyOf(path));
    }

    private Node call(Token name) {
        int[] arity = Functions.ARITY.get(name.text());
        if (arity == null) {
            throw new RuleSyntaxException("unknown function '" + name.text() + "'", name.position());
        }
        List<Node> arguments = new ArrayList<>();
        if (!peek().isOperator(")")) {
            do {
                arguments.add(nested(this::or));
            } while (accept(","));
        }
        expect(")");
        if (arguments.size() < arity[0] || arguments.size() > arity[1]) {
            throw new RuleSyntaxException(name.text() + " takes " + (arity[0] == arity[1] ? arity[0] : arity[0] + "-" + arity[1])
                    + " argument(s)", name.position());
        }
        return new Node.Call(name.text(), List.copyOf(arguments));
    }

    private Node nested(java.util.function.Supplier<Node> inner) {
        if (++depth > MAX_DEPTH) {
            throw error("the rule is nested too deeply");
        }
        try {
            return inner.get();
        } finally {
            depth--;
        }
    }

    private Token peek() {
        return tokens.get(Math.min(index, tokens.size() - 1));
    }

    private boolean accept(String operator) {
        if (peek().isOperator(operator)) {
            index++;
            return true;
        }
        return false;
    }

    private void expect(String operator) {
        if (!accept(operator)) {
            throw error("'" + operator + "' expected");
        }
    }

    private RuleSyntaxException error(String message) {
        return new RuleSyntaxException(message, peek().position());
    }
}
