package org.kinship.cases;

/**
 * The case index is a projection of MongoDB. It is kept in step with every write, repaired at start (cases
 * marked {@code indexPending} are re-indexed; a missing or incomplete index is rebuilt) and can be rebuilt
 * on demand ({@code POST /api/v1/cases/index/rebuild}, administrators).
 */
public interface CaseIndexService {

    /** Rebuilds the whole index from MongoDB; answers the number of cases indexed. */
    long rebuild();

    /** Re-indexes the cases marked pending, or rebuilds when the index is missing or behind. */
    void repair();

    /** Makes indexed changes durable and clears their pending markers. */
    void commit();
}
