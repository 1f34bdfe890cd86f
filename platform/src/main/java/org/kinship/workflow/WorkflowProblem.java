package org.kinship.workflow;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One reason a BPMN file cannot be deployed.
 *
 * @param code    stable identifier ({@code notXml}, {@code notBpmn}, {@code notExecutable}, {@code duplicateId},
 *                {@code unknownFormKey}, {@code missingFormKey}, {@code badTimer}, {@code tooLarge},
 *                {@code noProcess}, {@code engine})
 * @param element the BPMN element id concerned, if any
 * @param args    arguments of the translated message {@code workflow.problem.<code>}
 */
public record WorkflowProblem(String code, @Nullable String element, List<String> args) {

    public WorkflowProblem {
        args = List.copyOf(args);
    }
}
