package org.kinship.forms;

import java.util.Map;
import java.util.Set;

/**
 * Form data after the rules ran: calculations filled in, hidden fields and headings removed. {@code hidden}
 * lists the JSON Pointers of the hidden fields ({@code /separation_reason}, {@code /siblings/0/school_grade}),
 * which are neither required nor stored.
 */
public record FormState(Map<String, Object> data, Set<String> hidden) {

    public boolean isHidden(String pointer) {
        return hidden.contains(pointer);
    }
}
