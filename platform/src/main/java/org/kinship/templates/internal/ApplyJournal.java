package org.kinship.templates.internal;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.FormDraft;
import org.kinship.forms.Lookup;
import org.kinship.templates.ServiceLevelTarget;

/**
 * An apply in progress ({@code template_apply_journal}, one document, id {@code apply}): written before the first
 * change with what the apply may touch as it was before, removed when the apply is recorded or undone. MongoDB
 * here has no transactions; this record is what lets a failed apply be undone, and an apply interrupted by a crash
 * be undone at the next start ({@link ApplyRecovery}).
 *
 * @param applyId              tags what the apply creates elsewhere (workflow deployments)
 * @param installationRevision the package's installation revision before (-1: not installed); a higher one means
 *                             the apply was recorded, so it completed
 * @param serviceLevels        the targets before, when the apply replaces them ({@code null}: not touched; empty:
 *                             none were installed)
 */
record ApplyJournal(String id, String applyId, String packageId, String version, String startedBy,
        Instant startedAt, long installationRevision, List<FormBefore> forms, List<LookupBefore> lookups,
        @Nullable List<ServiceLevelTarget> serviceLevels, boolean workflows) {

    static final String ID = "apply";

    /** A form before: its draft ({@code null}: the form did not exist) and its latest published version. */
    record FormBefore(String formId, @Nullable FormDraft draft, @Nullable Integer latestVersion) {
    }

    /** A lookup before ({@code null}: it did not exist). */
    record LookupBefore(String id, @Nullable Lookup lookup) {
    }
}
