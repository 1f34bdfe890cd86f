package org.kinship.reports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of reports ({@code kinship.reports.*}).
 *
 * @param suppressionThreshold the small-cell threshold of the standard aggregate definition seeded on an empty
 *                             database ({@code KINSHIP_REPORTS_SUPPRESSION_THRESHOLD}); each definition keeps
 *                             its own
 * @param maxImportFiles       most agency files in one aggregate import
 * @param maxExportRows        most cases in one case list export ({@code KINSHIP_REPORTS_MAX_EXPORT_ROWS})
 */
@ConfigurationProperties("kinship.reports")
public record ReportSettings(@DefaultValue("5") int suppressionThreshold, @DefaultValue("50") int maxImportFiles,
        @DefaultValue("10000") int maxExportRows) {
}
