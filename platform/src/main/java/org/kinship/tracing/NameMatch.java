package org.kinship.tracing;

import java.util.List;

/**
 * A hit of a name search.
 *
 * @param profileId  the case file or tracing request id
 * @param kind       which of the two it is
 * @param names      the child's names as written on the record
 * @param similarity how well the names match the query, 0..1 (1: every query part found as spelled)
 */
public record NameMatch(String profileId, ProfileKind kind, List<String> names, double similarity) {

    public NameMatch {
        names = List.copyOf(names);
    }
}
