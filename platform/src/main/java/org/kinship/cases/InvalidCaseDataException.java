package org.kinship.cases;

import java.util.List;

/** Submitted data cannot be stored; every problem names its field. Nothing was written. */
public class InvalidCaseDataException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidCaseDataException(List<FieldProblem> problems) {
        super(problems.size() + " problem(s) in the submitted case data");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
