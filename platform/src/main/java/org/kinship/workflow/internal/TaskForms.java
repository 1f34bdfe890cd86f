package org.kinship.workflow.internal;

/** The form keys of user tasks: a case section id, or {@code approval:<section>} for a supervisor's decision. */
final class TaskForms {

    /** A task about another feature's record (e.g. {@code record:referral}); that feature checks who answers it. */
    static final String RECORD_PREFIX = "record:";
    static final String APPROVAL_PREFIX = "approval:";

    private TaskForms() {
    }
}
