package org.kinship.forms;

import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a rule can see: the form data, the current item when the rule belongs to a field of a repeating
 * group (its siblings are {@code item.<name>}), and today's date for the date functions.
 */
public record RuleScope(Map<String, ?> data, @Nullable Map<String, ?> item, LocalDate today) {

    public static RuleScope of(Map<String, ?> data, LocalDate today) {
        return new RuleScope(data, null, today);
    }

    public RuleScope withItem(Map<String, ?> groupItem) {
        return new RuleScope(data, groupItem, today);
    }
}
