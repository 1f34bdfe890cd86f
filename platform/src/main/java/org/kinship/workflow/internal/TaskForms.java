package org.kinship.workflow.internal;

/** The form keys of user tasks: a case section id, or {@code approval:<section>} for a supervisor's decision. */
final class TaskForms {

    static final String APPROVAL_PREFIX = "approval:";

    private TaskForms() {
    }
}
