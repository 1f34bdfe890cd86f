package org.kinship.tasks;

import java.util.Locale;

/**
 * Which open tasks to list. {@link #DUE_TODAY} is due before the end of the current UTC day and not overdue yet;
 * {@link #UPCOMING} is due later, or has no due date. {@link #APPROVAL}: a supervisor's approvals (approve / send
 * back), whatever their due date.
 */
public enum TaskFilter {
    ALL, OVERDUE, DUE_TODAY, UPCOMING, APPROVAL;

    /**
     * Reads the API's {@code state} parameter: {@code overdue}, {@code due}, {@code upcoming}, {@code approval} or
     * absent.
     */
    public static TaskFilter parse(String state) {
        return switch (state == null ? "" : state.toLowerCase(Locale.ROOT)) {
            case "", "all", "open" -> ALL;
            case "overdue" -> OVERDUE;
            case "due", "due_today", "today" -> DUE_TODAY;
            case "upcoming" -> UPCOMING;
            case "approval", "approvals" -> APPROVAL;
            default -> throw new IllegalArgumentException(state);
        };
    }
}
