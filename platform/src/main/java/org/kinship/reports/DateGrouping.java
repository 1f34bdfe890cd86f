package org.kinship.reports;

/** How a date field is grouped: ISO weeks ({@code 2026-W07}), months, quarters ({@code 2026-Q1}) or years. */
public enum DateGrouping {
    WEEK, MONTH, QUARTER, YEAR
}
