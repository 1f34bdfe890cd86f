package org.kinship.cases;

import java.io.InputStream;

import org.kinship.security.KinshipUser;

/** Files attached to case files, within the configured types and size ({@link CaseSettings}). */
public interface CaseAttachmentService {

    /**
     * Stores the file and lists it on the case.
     *
     * @throws CaseRequestRefusedException for a type that is not accepted or a file over the size limit
     */
    CaseAttachment attach(KinshipUser user, String caseId, String fileName, String contentType, InputStream content);

    /**
     * The attachment and its bytes, if the user may see the case and the attachment: a file held by a section
     * hidden from the user is unknown to them ({@code NOT_FOUND}), one held by a sensitive field whose value they
     * may not see ({@code case:view_sensitive}) is refused ({@code FORBIDDEN}); both are audited as
     * {@code access.denied}, an opened one as a case view.
     */
    AttachmentContent open(KinshipUser user, String caseId, String attachmentId);

    /** An attachment's description and its content. */
    record AttachmentContent(CaseAttachment attachment, byte[] bytes) {
    }
}
