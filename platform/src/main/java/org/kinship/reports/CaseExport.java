package org.kinship.reports;

import java.util.List;

/**
 * An exported case list: the file, how many cases it holds, how many of them had identifying and sensitive
 * values withheld because the child refused the use of their data in reports, and the warnings that applied.
 */
public record CaseExport(String exportId, ExportedFile file, int rows, int withheld, List<ExportWarning> warnings) {

    public CaseExport {
        warnings = List.copyOf(warnings);
    }
}
