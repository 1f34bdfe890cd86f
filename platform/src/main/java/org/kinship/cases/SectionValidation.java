package org.kinship.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a {@link CaseSectionValidator} answers: the cleaned data to store, or the problems that prevent it. */
public record SectionValidation(Map<String, Object> data, List<FieldProblem> problems) {

    public SectionValidation {
        data = new LinkedHashMap<>(data);
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
