package org.kinship.forms;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Data checked against a form version: {@code data} is what to store (calculations filled in, hidden
 * fields and headings removed, tally totals added), {@code problems} every reason it cannot be stored,
 * in the user's language, and {@code hidden} the pointers of the hidden fields.
 */
public record ValidatedData(Map<String, Object> data, List<FormProblem> problems, Set<String> hidden) {

    public ValidatedData {
        problems = List.copyOf(problems);
        hidden = Set.copyOf(hidden);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
