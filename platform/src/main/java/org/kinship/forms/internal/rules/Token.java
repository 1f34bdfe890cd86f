package org.kinship.forms.internal.rules;

/** A lexical token of a rule: its type, its text (unquoted for strings) and where it starts. */
record Token(Type type, String text, int position) {

    enum Type { NUMBER, STRING, IDENTIFIER, OPERATOR, END }

    boolean is(Type expected, String value) {
        return type == expected && text.equals(value);
    }

    boolean isOperator(String value) {
        return is(Type.OPERATOR, value);
    }

    boolean isWord(String value) {
        return is(Type.IDENTIFIER, value);
    }
}
