package org.kinship.forms;

import java.util.Set;

import org.kinship.forms.internal.rules.Functions;
import org.kinship.forms.internal.rules.Parser;

/**
 * The one rule language of Kinship forms, used by the server and by the UI. Conditions and calculations
 * are small expressions: literals ({@code 12}, {@code 1.5}, {@code 'text'}, {@code true}, {@code null},
 * {@code ['a', 'b']}), field references ({@code dob}, {@code item.age} inside a repeating group),
 * comparisons {@code == != < <= > >=}, {@code in} / {@code not in}, {@code and or not}, arithmetic
 * {@code + - * / %} and the functions listed in {@link #FUNCTIONS}. There is no scripting engine and no
 * reflection: the text is parsed into a tree of a few node types and evaluated by them.
 */
public final class Rules {

    /** The functions a rule may call. */
    public static final Set<String> FUNCTIONS = Functions.NAMES;

    /** Rules longer than this are refused, so a definition cannot make the server parse megabytes. */
    public static final int MAX_LENGTH = 2_000;

    private Rules() {
    }

    /** Parses {@code text}; throws {@link RuleSyntaxException} with the position of the first problem. */
    public static Expression parse(String text) {
        return new Parser(text).parse();
    }
}
