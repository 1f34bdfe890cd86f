package org.kinship.reports;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One published figure of an agency's aggregate report: a category's value (a code, never a child's data),
 * its count (absent when suppressed or in a percentages-only category) and its share of the category in
 * percent (absent when suppressed).
 */
public record AggregateCell(String category, String value, String label, @Nullable Long count,
        @Nullable BigDecimal percent, boolean suppressed) {
}
