package org.kinship.cases;

import java.time.Instant;
import java.util.List;

/**
 * A duplicate case was merged into this one; {@code sections} are the sections whose fields changed (each also
 * has its {@link CaseSectionChanged}). The duplicate's closing is its own {@link CaseClosed}.
 */
public record CaseMerged(String caseId, String duplicateId, List<String> sections, long version, String by,
        Instant at) implements CaseEvent {

    public CaseMerged {
        sections = List.copyOf(sections);
    }
}
