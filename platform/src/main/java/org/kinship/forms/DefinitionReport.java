package org.kinship.forms;

import java.util.List;

/**
 * The outcome of checking a form definition: every error (the definition cannot be saved) and every
 * warning (it can, but something is incomplete, e.g. a label not yet translated into French).
 */
public record DefinitionReport(List<FormProblem> errors, List<FormProblem> warnings) {

    public DefinitionReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
