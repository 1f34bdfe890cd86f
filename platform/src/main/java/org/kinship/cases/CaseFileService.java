package org.kinship.cases;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;

/**
 * Registers and changes case files on behalf of a user. Every method first applies the user's scope: a case
 * outside it is a {@link CaseNotFoundException}. Writes that name an {@code expectedVersion} are refused
 * with {@link CaseVersionConflictException} when the case has moved on; writes that only add something
 * (notes, flags, attachments) may leave it {@code null} and are then applied to the current version.
 * Messages of refusals are in {@code locale}.
 * <p>
 * Every case answered is reduced to what the user may see (ADR 0010): sections hidden from their roles are left
 * out, and values of sensitive fields are left out unless they hold {@code case:view_sensitive} for the case.
 * {@link #view} adds what they may do with each section. Section data is validated against the section's
 * published form version ({@code FormDefinitionService.validateData}); a section the user may only read is
 * refused with {@link CaseRequestRefusedException.Reason#FORBIDDEN} (and audited as {@code access.denied}).
 */
public interface CaseFileService {

    /** Registers a case from the registration section's data; the user becomes its owner. */
    CaseFile register(KinshipUser user, String module, Map<String, Object> data, Locale locale);

    CaseFile get(KinshipUser user, String caseId);

    /** The case as {@link #get} answers it, with the user's access to each section and the masked fields. */
    CaseView view(KinshipUser user, String caseId);

    /**
     * Merges {@code changes} into a section (a {@code null} value clears the field) and records each changed
     * field in the history.
     *
     * @param section the module's section id; {@code null} means the registration section
     */
    CaseFile editSection(KinshipUser user, String caseId, long expectedVersion, @Nullable String section,
            Map<String, Object> changes, Locale locale);

    /**
     * Every recorded change the user may see, oldest first: changes to hidden sections are left out, and old and
     * new values of sensitive fields are {@link CaseView#MASK} without {@code case:view_sensitive}.
     */
    List<FieldChange> history(KinshipUser user, String caseId);

    CaseFile addNote(KinshipUser user, String caseId, @Nullable Long expectedVersion, String text);

    CaseFile flag(KinshipUser user, String caseId, @Nullable Long expectedVersion, String reason);

    CaseFile resolveFlag(KinshipUser user, String caseId, @Nullable Long expectedVersion, String flagId,
            String comment);

    CaseFile close(KinshipUser user, String caseId, @Nullable Long expectedVersion, String reason);

    CaseFile reopen(KinshipUser user, String caseId, @Nullable Long expectedVersion, @Nullable String reason);
}
