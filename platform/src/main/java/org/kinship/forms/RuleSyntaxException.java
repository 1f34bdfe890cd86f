package org.kinship.forms;

/** A rule that does not parse; {@code position} is the 0-based character offset of the problem. */
public class RuleSyntaxException extends RuntimeException {

    private final int position;

    public RuleSyntaxException(String message, int position) {
        super(message + " (at " + position + ")");
        this.position = position;
    }

    public int position() {
        return position;
    }
}
