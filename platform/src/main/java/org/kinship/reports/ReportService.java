package org.kinship.reports;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;

/**
 * Pivot reports. Running needs {@code report:view}; only cases within the user's {@code report:view} scope are
 * counted (ADR 0012). A definition naming a sensitive field, or a field that does not exist, is refused
 * with {@link ReportRefusedException} before anything is read.
 */
public interface ReportService {

    /** The fields of a module's published forms that reports may use, labelled in {@code locale}. */
    List<ReportableField> fields(KinshipUser user, String module, Locale locale);

    /** Computes the report from current data. */
    ReportResult run(KinshipUser user, ReportDefinition definition, Locale locale);

    /** Reports the user owns or that are shared with one of their roles, by name. */
    List<SavedReport> list(KinshipUser user);

    /** A saved report the user may see; {@link ReportRefusedException.Reason#NOT_FOUND} otherwise. */
    SavedReport get(KinshipUser user, String reportId);

    /** Saves a new report (checked like a run) owned by the user. */
    SavedReport create(KinshipUser user, String name, ReportDefinition definition, ChartType chart,
            Set<String> sharedWithRoles, Locale locale);

    /** Replaces a report the user owns, if it is still at {@code expectedVersion}. */
    SavedReport update(KinshipUser user, String reportId, long expectedVersion, String name,
            ReportDefinition definition, ChartType chart, Set<String> sharedWithRoles, Locale locale);

    void delete(KinshipUser user, String reportId);

    /** Runs a saved report on current data, within the runner's scope. */
    ReportResult runSaved(KinshipUser user, String reportId, Locale locale);

    /** The exported report as an Excel workbook or a CSV file (audited; needs an export permission). */
    ExportedFile export(KinshipUser user, String reportId, ExportFormat format, Locale locale,
            @Nullable String title);
}
