package org.kinship.cases.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import com.mongodb.client.model.Updates;
import org.kinship.cases.CaseAction;
import org.kinship.cases.CaseAttachment;
import org.kinship.cases.CaseAttachmentAdded;
import org.kinship.cases.CaseAttachmentService;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseRequestRefusedException.Reason;
import org.kinship.cases.CaseSettings;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.shared.Ids;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.springframework.stereotype.Service;

/** Checks type and size, stores the bytes, then lists the attachment on the case (one version-checked write). */
@Service
class MongoCaseAttachmentService implements CaseAttachmentService {

    private final CaseGate gate;
    private final MongoAttachmentStore store;
    private final CaseSettings settings;
    private final DocumentMapper mapper;
    private final java.time.Clock clock;
    private final CaseViews views;
    private final PermissionService permissions;

    MongoCaseAttachmentService(CaseGate gate, MongoAttachmentStore store, CaseSettings settings, DocumentMapper mapper,
            java.time.Clock clock, CaseViews views, PermissionService permissions) {
        this.gate = gate;
        this.views = views;
        this.permissions = permissions;
        this.store = store;
        this.settings = settings;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public CaseAttachment attach(KinshipUser user, String caseId, String fileName, String contentType,
            InputStream content) {
        String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (!settings.attachmentTypes().contains(type)) {
            throw new CaseRequestRefusedException(Reason.UNSUPPORTED_TYPE, "cases.attachment.type", type,
                    String.join(", ", settings.attachmentTypes()));
        }
        gate.allowed(user, caseId, CaseAction.EDIT);
        byte[] bytes = readLimited(content);
        if (bytes.length == 0) {
            throw new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.attachment.empty");
        }
        String name = fileName.isBlank() ? "attachment" : fileName.replaceAll("[\\p{Cntrl}/\\\\\"]", "_");
        CaseAttachment attachment = new CaseAttachment(Ids.newId(), name, type, bytes.length, clock.instant(),
                user.id());
        store.write(attachment.id(), caseId, bytes);
        try {
            gate.write(user, caseId, CaseAction.EDIT, null, file -> new CaseGate.Change(
                    Updates.combine(Updates.push("attachments", mapper.toBsonValue(attachment)),
                            Updates.set("updatedAt", java.util.Date.from(clock.instant())),
                            Updates.set("updatedBy", user.id())),
                    List.of(gate.change("attachments/" + attachment.id(), null, name, user, file.version() + 1)),
                    after -> new CaseAttachmentAdded(caseId, attachment.id(), after.version(), user.id(),
                            attachment.uploadedAt())));
        } catch (RuntimeException e) {
            store.delete(attachment.id(), attachment.size());
            throw e;
        }
        return attachment;
    }

    @Override
    public AttachmentContent open(KinshipUser user, String caseId, String attachmentId) {
        CaseFile file = gate.visible(user, caseId);
        CaseAttachment attachment = file.attachment(attachmentId)
                .orElseThrow(() -> new CaseRequestRefusedException(Reason.NOT_FOUND, "cases.attachment.unknown"));
        CaseViews.AttachmentLimits limits = views.attachmentLimits(user, file);
        if (limits.hidden().contains(attachmentId)) {
            // held by a section hidden from the user: answered like an unknown attachment, so it is not told
            permissions.deny(user, Resource.CASE, Action.VIEW, caseId, "attachment_section_hidden");
            throw new CaseRequestRefusedException(Reason.NOT_FOUND, "cases.attachment.unknown");
        }
        if (limits.masked().contains(attachmentId)) {
            permissions.deny(user, Resource.CASE, Action.VIEW_SENSITIVE, caseId, "attachment_sensitive");
            throw new CaseRequestRefusedException(Reason.FORBIDDEN, "cases.attachment.sensitive");
        }
        gate.viewed(user, file, "attachment:" + attachmentId);
        return new AttachmentContent(attachment, store.read(attachmentId, attachment.size()));
    }

    private byte[] readLimited(InputStream content) {
        long limit = settings.maxAttachmentSize().toBytes();
        try (content) {
            byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new CaseRequestRefusedException(Reason.TOO_LARGE, "cases.attachment.tooLarge",
                        settings.maxAttachmentSize().toMegabytes());
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
