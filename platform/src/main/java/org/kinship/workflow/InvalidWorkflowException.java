package org.kinship.workflow;

import java.util.List;

/** A BPMN file refused before anything was deployed; {@link #problems()} names every problem found. */
public class InvalidWorkflowException extends RuntimeException {

    private final List<WorkflowProblem> problems;

    public InvalidWorkflowException(List<WorkflowProblem> problems) {
        super(problems.size() + " problem(s) in the BPMN file");
        this.problems = List.copyOf(problems);
    }

    public List<WorkflowProblem> problems() {
        return problems;
    }
}
