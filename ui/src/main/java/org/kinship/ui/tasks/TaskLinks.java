package org.kinship.ui.tasks;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import org.jspecify.annotations.Nullable;
import org.kinship.tasks.InboxTask;

/**
 * Where a task takes the user: the case file ({@code cases/<id>}) at the task's section
 * ({@code ?section=<section id>}, which the case file view opens as its tab).
 */
public final class TaskLinks {

    /** The case file view's query parameter naming the section tab to open. */
    public static final String SECTION = "section";

    private TaskLinks() {
    }

    /** The case section a task asks for; none for a task of another feature's record. */
    public static @Nullable String section(InboxTask task) {
        String section = task.section();
        return section == null || section.startsWith("record:") ? null : section;
    }

    public static void openCase(UI ui, String caseId, @Nullable String section) {
        ui.navigate("cases/" + caseId, section == null ? QueryParameters.empty()
                : QueryParameters.of(SECTION, section));
    }
}
