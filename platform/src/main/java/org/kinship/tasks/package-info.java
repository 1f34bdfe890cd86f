/**
 * The task inbox: the workflow engine's user tasks mirrored into MongoDB ({@code tasks}), queried per user and
 * team with the user's scope in the query. Rebuildable from the engine ({@code POST /api/v1/tasks/rebuild}).
 */
@NullMarked
package org.kinship.tasks;

import org.jspecify.annotations.NullMarked;
