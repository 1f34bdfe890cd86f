package org.kinship.reports;

/**
 * The reports' read model (ADR 0020) is a projection of the {@code cases} collection, kept in step with every case
 * write, repaired at start and rebuildable on demand ({@code POST /api/v1/reports/index/rebuild},
 * administrators).
 */
public interface ReportIndexService {

    /** Rebuilds the whole read model from MongoDB; answers the number of cases indexed. */
    long rebuild();

    /** Re-indexes every case whose stored version differs from the indexed one; answers how many were. */
    long repair();

    /** Makes indexed changes durable. */
    void commit();
}
