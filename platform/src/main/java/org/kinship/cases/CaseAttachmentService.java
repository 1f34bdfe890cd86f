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

    /** The attachment and its bytes, if the user may see the case. */
    AttachmentContent open(KinshipUser user, String caseId, String attachmentId);

    /** An attachment's description and its content. */
    record AttachmentContent(CaseAttachment attachment, byte[] bytes) {
    }
}
