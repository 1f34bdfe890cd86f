package org.kinship.forms;

import java.util.List;

/** A definition was refused; nothing was stored. {@link #report()} holds every problem in the caller's language. */
public class InvalidFormDefinitionException extends RuntimeException {

    private final DefinitionReport report;

    public InvalidFormDefinitionException(DefinitionReport report) {
        super(report.errors().size() + " problem(s) in the form definition");
        this.report = report;
    }

    public DefinitionReport report() {
        return report;
    }

    public List<FormProblem> problems() {
        return report.errors();
    }
}
