package org.kinship.reports;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;

/**
 * De-identified monthly aggregate reports: an agency produces and exports its report (needs {@code report:view}
 * at least for its whole agency, and an export permission); a coordination body ({@code report:view} for all
 * agencies) publishes definitions, imports agencies' files and reads the consolidated report.
 */
public interface AggregateService {

    /** The latest version of every definition. */
    List<AggregateDefinition> definitions(KinshipUser user);

    AggregateDefinition definition(KinshipUser user, String definitionId, @Nullable Integer version);

    /** Publishes the next version of a definition (checked against the module's fields). */
    AggregateDefinition publish(KinshipUser user, AggregateDefinition definition, Locale locale);

    /** The user's agency's report for the month, computed now. */
    AggregateReport produce(KinshipUser user, String definitionId, YearMonth period, Locale locale);

    /** The user's agency's report as a file with a header naming agency, definition, version and period (audited). */
    ExportedFile export(KinshipUser user, String definitionId, YearMonth period, ExportFormat format, Locale locale);

    /**
     * Imports agencies' files for one definition (its latest version) and month: every file is checked first, and
     * a malformed file, an unknown agency, another definition, version or month, or one agency twice refuses the
     * whole import with {@link ReportRefusedException} naming the file; nothing is stored then.
     */
    AggregateImport importFiles(KinshipUser user, String definitionId, YearMonth period, List<UploadedFile> files,
            Locale locale);

    /** The sum of the latest imported file of each agency, for the definition's latest version unless given. */
    ConsolidatedReport consolidated(KinshipUser user, String definitionId, @Nullable Integer version,
            YearMonth period, Locale locale);
}
