package org.kinship.cases;

import java.time.Instant;
import java.util.List;

/** Fields of a section changed; {@code fields} are their names (values are in the case's history). */
public record CaseSectionChanged(String caseId, String section, List<String> fields, long version, String by,
        Instant at) implements CaseEvent {

    public CaseSectionChanged {
        fields = List.copyOf(fields);
    }
}
