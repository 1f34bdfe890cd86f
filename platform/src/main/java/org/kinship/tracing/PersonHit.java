package org.kinship.tracing;

import java.util.List;

/**
 * A hit of the person search: a case or a sought child of a tracing request.
 *
 * @param similarity 0..1, how well the names match the query
 */
public record PersonHit(ProfileKind kind, String recordId, String recordNumber, List<String> names,
        double similarity) {

    public PersonHit {
        names = List.copyOf(names);
    }
}
