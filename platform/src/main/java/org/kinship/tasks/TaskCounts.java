package org.kinship.tasks;

/** Counts for the navigation: the user's open tasks by filter, and the team's overdue ones (0 without a team). */
public record TaskCounts(long open, long overdue, long dueToday, long upcoming, long teamOverdue) {
}
