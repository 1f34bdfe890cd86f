/**
 * The task inbox in the browser: the user's (and a supervisor's team's) open workflow tasks from the persisted
 * inbox projection, filtered by due state and sorted by due date and risk, with complete / approve / send back;
 * the counts in the navigation; the open tasks and per-child service-level override in the case file. Every read
 * and action goes through the tasks and workflow features' services, which apply the user's scope.
 */
@NullMarked
package org.kinship.ui.tasks;

import org.jspecify.annotations.NullMarked;
