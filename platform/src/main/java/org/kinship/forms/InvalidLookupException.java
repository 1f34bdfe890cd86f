package org.kinship.forms;

import java.util.List;

/** A lookup was refused; nothing was stored. The problems are in the caller's language. */
public class InvalidLookupException extends RuntimeException {

    private final List<FormProblem> problems;

    public InvalidLookupException(List<FormProblem> problems) {
        super(problems.size() + " problem(s) in the lookup");
        this.problems = List.copyOf(problems);
    }

    public List<FormProblem> problems() {
        return problems;
    }
}
