package org.kinship.reports;

import java.util.Locale;

/** File formats of exports. */
public enum ExportFormat {
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    CSV("text/csv;charset=UTF-8", "csv");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** {@code xlsx} or {@code csv}, any case; a {@link ReportRefusedException} otherwise. */
    public static ExportFormat parse(String text) {
        for (ExportFormat format : values()) {
            if (format.extension.equalsIgnoreCase(text.strip())) {
                return format;
            }
        }
        throw new ReportRefusedException(ReportRefusedException.Reason.BAD_REQUEST, "reports.export.badFormat",
                text.toLowerCase(Locale.ROOT));
    }
}
