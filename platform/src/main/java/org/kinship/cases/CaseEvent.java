package org.kinship.cases;

import java.time.Instant;

/**
 * Published as a Spring application event after a case write is stored, or after a case was read (synchronously, in the writing
 * thread; listeners that call slow or remote things should be {@code @Async} or use the outbox). Events
 * carry ids, field paths and versions, never child data values, so they are safe to log and to audit.
 */
public sealed interface CaseEvent permits CaseRegistered, CaseSectionChanged, CaseClosed, CaseReopened,
        CaseFlagged, CaseFlagResolved, CaseNoteAdded, CaseAttachmentAdded, CaseViewed, CaseLinked, CaseOwnerChanged,
        CaseServiceRecorded, CaseMerged {

    String caseId();

    /** The case version this write produced (for {@link CaseViewed}: the version read). */
    long version();

    /** The user id of whoever made the change. */
    String by();

    Instant at();
}
