package org.kinship.reports;

/**
 * A chosen export field that identifies a child or is sensitive, named with its label and why.
 *
 * @param kind {@code identifying} (a case number, or a field used to identify children when tracing) or
 *             {@code sensitive} (marked sensitive in its form; encrypted at rest)
 */
public record ExportWarning(String field, String label, String kind, String message) {
}
