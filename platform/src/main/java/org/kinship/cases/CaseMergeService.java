package org.kinship.cases;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;

/**
 * Merges a duplicate case into the case that stays (the survivor), field by field. The user needs
 * {@code case:edit} on the survivor and {@code case:close} on the duplicate; a case outside their scope is a
 * {@link CaseNotFoundException}. Both cases must be open and of the same module.
 * <p>
 * A merge writes the values chosen from the duplicate into the survivor through the ordinary section-edit path
 * (the section's form validates them, each changed field gets a history entry), carries the duplicate's notes,
 * flags and attachments over, and closes the duplicate; both histories record the link
 * ({@code links/merged_from/<duplicateId>} on the survivor, {@code links/merged_into/<survivorId>} on the
 * duplicate). The duplicate's consent is carried over when the survivor has none, and every
 * {@link CaseMergeParticipant} (tracing: reviewed matches) follows. When anything is refused nothing is written.
 */
public interface CaseMergeService {

    /**
     * The two cases side by side as the user may see them: every field that differs in a section the user may
     * edit on the survivor (masked and hidden values are not offered: the survivor keeps them).
     */
    MergePreview preview(KinshipUser user, String caseId, String duplicateId);

    /**
     * Merges the duplicate into {@code caseId}.
     *
     * @throws CaseVersionConflictException when either case is no longer at the version the user saw
     * @throws InvalidCaseDataException     when a differing field has no choice, a choice names a field that does
     *                                      not differ, or the merged section fails its form
     */
    CaseFile merge(KinshipUser user, String caseId, MergeRequest request, Locale locale);

    /** Which value of a differing field the survivor keeps. */
    enum Side {
        SURVIVOR, DUPLICATE
    }

    /**
     * @param duplicateId      the case merged into the survivor and closed
     * @param version          the survivor's version the user saw
     * @param duplicateVersion the duplicate's version the user saw
     * @param choices          for each differing field ({@code section/field}), the side to keep
     * @param reason           why (kept as the duplicate's closure reason); a standard text when blank
     */
    record MergeRequest(String duplicateId, long version, long duplicateVersion, Map<String, Side> choices,
                        @Nullable String reason) {

        public MergeRequest {
            choices = Map.copyOf(choices);
        }
    }

    /** A field whose values differ; a {@code null} value is a field the case does not have. */
    record MergeField(String section, String field, @Nullable Object survivorValue,
                      @Nullable Object duplicateValue) {

        public String path() {
            return section + "/" + field;
        }
    }

    /**
     * @param notes       notes of the duplicate the survivor receives
     * @param flags       flags of the duplicate the survivor receives
     * @param attachments attachments of the duplicate the survivor receives
     */
    record MergePreview(String caseId, String caseNumber, long version, String duplicateId, String duplicateNumber,
                        long duplicateVersion, List<MergeField> fields, int notes, int flags, int attachments) {

        public MergePreview {
            fields = List.copyOf(fields);
        }
    }
}
