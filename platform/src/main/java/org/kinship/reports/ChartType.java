package org.kinship.reports;

/** How a saved report is drawn next to its table. */
public enum ChartType {
    BAR, STACKED_BAR, LINE, PIE
}
