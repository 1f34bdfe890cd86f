package org.kinship.reports;

import java.util.List;
import java.util.Locale;

import org.kinship.security.KinshipUser;

/**
 * Exports of case lists with chosen fields (ADR 0012). Needs {@code export:export}; only cases the user may
 * view and that are within their export scope are written. Exporting an identifying or sensitive field warns
 * about each such field and requires a reason (kept with the export record, not in the audit log); a child
 * whose consent to the use of their data in reports was refused keeps their row, but its identifying and
 * sensitive values are withheld. Every export is audited.
 */
public interface CaseExportService {

    /** The warnings the chosen fields raise, before anything is exported. */
    List<ExportWarning> warnings(KinshipUser user, CaseExportRequest request, Locale locale);

    /**
     * Writes the file.
     *
     * @throws ReportRefusedException without a reason when warnings apply (the problem lists them), for an
     *                                unknown or attachment field, or beyond the row limit
     */
    CaseExport export(KinshipUser user, CaseExportRequest request, Locale locale);
}
