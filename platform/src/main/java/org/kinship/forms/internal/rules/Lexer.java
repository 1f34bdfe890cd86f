package org.kinship.forms.internal.rules;

import java.util.ArrayList;
import java.util.List;

import org.kinship.forms.RuleSyntaxException;

/** Splits a rule into tokens. */
final class Lexer {

    private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "&&", "||",
            "<", ">", "+", "-", "*", "/", "%", "(", ")", "[", "]", ",", ".", "!");

    private final String text;
    private int pos;

    Lexer(String text) {
        this.text = text;
    }

    List<Token> tokens() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (pos >= text.length()) {
                tokens.add(new Token(Token.Type.END, "", pos));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private Token next() {
        char c = text.charAt(pos);
        int start = pos;
        if (Character.isDigit(c)) {
            while (pos < text.length() && (Character.isDigit(text.charAt(pos))
                    || text.charAt(pos) == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
                pos++;
            }
            return new Token(Token.Type.NUMBER, text.substring(start, pos), start);
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return new Token(Token.Type.IDENTIFIER, text.substring(start, pos), start);
        }
        if (c == '\'' || c == '"') {
            return string(c);
        }
        for (String operator : OPERATORS) {
            if (text.startsWith(operator, pos)) {
                pos += operator.length();
                return new Token(Token.Type.OPERATOR, operator, start);
            }
        }
        if (c == '=') {
            throw new RuleSyntaxException("use == to compare", start);
        }
        throw new RuleSyntaxException("unexpected character '" + c + "'", start);
    }

    private Token string(char quote) {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            value.append(c);
        }
        if (pos >= text.length()) {
            throw new RuleSyntaxException("text is not closed", start);
        }
        pos++;
        return new Token(Token.Type.STRING, value.toString(), start);
    }
}
