package org.kinship.reports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A field a report may group, filter or sum by, as offered to the report builder: its path, its kind
 * ({@code single_choice}, {@code yes_no}, {@code integer}, {@code date}, {@code location}...), its label and,
 * for choices, its options (code to label). {@code group} names the repeating group it lies in.
 */
public record ReportableField(String path, String kind, String label, @Nullable String group,
        Map<String, String> options) {

    public ReportableField {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }
}
