package org.kinship.ui.cases;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.function.Consumer;

import org.kinship.cases.CaseAttachment;
import org.kinship.cases.CaseAttachmentService;
import org.kinship.cases.CaseFile;
import org.kinship.security.KinshipUser;
import org.kinship.ui.forms.AttachmentHandler;

/**
 * Photos and documents of a section form go straight to the case's attachments (type and size limits are
 * the service's); the form data keeps the attachment id. {@code stored} hears of each new attachment so the
 * editing section can follow the case version the upload produced.
 */
final class CaseAttachments implements AttachmentHandler {

    private final CaseAttachmentService attachments;
    private final KinshipUser user;
    private final String caseId;
    private final Consumer<CaseAttachment> stored;
    private volatile CaseFile file;

    CaseAttachments(CaseAttachmentService attachments, KinshipUser user, CaseFile file,
            Consumer<CaseAttachment> stored) {
        this.attachments = attachments;
        this.user = user;
        this.caseId = file.id();
        this.file = file;
        this.stored = stored;
    }

    void showing(CaseFile current) {
        this.file = current;
    }

    @Override
    public String store(String fileName, String contentType, byte[] content) {
        CaseAttachment attachment = attachments.attach(user, caseId, fileName, contentType,
                new ByteArrayInputStream(content));
        stored.accept(attachment);
        return attachment.id();
    }

    @Override
    public Optional<String> describe(String id) {
        return file.attachment(id).map(CaseAttachments::describe);
    }

    static String describe(CaseAttachment attachment) {
        return attachment.fileName() + " (" + Math.max(1, attachment.size() / 1024) + " KB)";
    }
}
