package org.kinship.reports;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One category of an aggregate report: the counts of one field's values (or of its ranges), e.g. new cases by
 * sex, by age group, by protection concern.
 *
 * @param field           the field path as a report names it (not sensitive)
 * @param ranges          lower bounds of ranges for a number field (age groups); empty for value by value
 * @param periodField     the date field that puts a record in the period (e.g. the service date of a service);
 *                        {@code null} uses the definition's
 * @param percentagesOnly publish shares of the category's total only, never counts (for the most sensitive
 *                        categories under the information sharing protocol)
 */
public record AggregateCategory(String id, Map<String, String> label, String field, List<Integer> ranges,
        @Nullable String periodField, boolean percentagesOnly) {

    public AggregateCategory {
        label = Map.copyOf(label);
        ranges = ranges == null ? List.of() : List.copyOf(ranges);
    }

    public String labelIn(String language) {
        return label.getOrDefault(language, label.getOrDefault("en", id));
    }
}
