package org.kinship.tracing;

import java.util.List;

import org.kinship.forms.FormProblem;

/** The request data does not pass the tracing request form: every problem, in the user's language. */
public class InvalidTracingRequestException extends RuntimeException {

    private final List<FormProblem> problems;

    public InvalidTracingRequestException(List<FormProblem> problems) {
        super("Invalid tracing request: " + problems.size() + " problem(s)");
        this.problems = List.copyOf(problems);
    }

    public List<FormProblem> problems() {
        return problems;
    }
}
