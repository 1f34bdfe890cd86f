package org.kinship.ui.cases;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.kinship.cases.CaseAttachment;
import org.kinship.cases.CaseAttachmentService;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseRequestRefusedException.Reason;
import org.kinship.cases.CaseSettings;
import org.kinship.security.KinshipUser;
import org.kinship.shared.Ids;
import org.kinship.ui.forms.AttachmentHandler;

/**
 * Files chosen in the registration form before the case exists: held in memory (checked against the case
 * limits at once) and attached to the case right after it is registered, when the form data's temporary ids
 * are replaced by the stored attachments' ids.
 */
final class PendingAttachments implements AttachmentHandler {

    private record Pending(String fileName, String contentType, byte[] content) {
    }

    private final CaseSettings settings;
    private final Map<String, Pending> files = new ConcurrentHashMap<>();

    PendingAttachments(CaseSettings settings) {
        this.settings = settings;
    }

    @Override
    public String store(String fileName, String contentType, byte[] content) {
        String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (!settings.attachmentTypes().contains(type)) {
            throw new CaseRequestRefusedException(Reason.UNSUPPORTED_TYPE, "cases.attachment.type", type,
                    String.join(", ", settings.attachmentTypes()));
        }
        if (content.length > settings.maxAttachmentSize().toBytes()) {
            throw new CaseRequestRefusedException(Reason.TOO_LARGE, "cases.attachment.tooLarge",
                    settings.maxAttachmentSize().toMegabytes());
        }
        String id = "pending-" + Ids.newId();
        files.put(id, new Pending(fileName, type, content));
        return id;
    }

    @Override
    public Optional<String> describe(String id) {
        return Optional.ofNullable(files.get(id))
                .map(file -> file.fileName() + " (" + Math.max(1, file.content().length / 1024) + " KB)");
    }

    /** The data without the fields that hold files not stored yet (they are set once attached). */
    Map<String, Object> withoutPending(Map<String, Object> data) {
        Map<String, Object> kept = new LinkedHashMap<>(data);
        kept.values().removeIf(value -> value instanceof String id && files.containsKey(id));
        return kept;
    }

    /**
     * Attaches the pending files the data refers to and answers the field values to replace (field name to
     * stored attachment id); empty when the data refers to none.
     */
    Map<String, Object> attachTo(CaseAttachmentService attachments, KinshipUser user, String caseId,
            Map<String, Object> data) {
        Map<String, Object> replaced = new LinkedHashMap<>();
        data.forEach((field, value) -> {
            Pending file = value instanceof String id ? files.get(id) : null;
            if (file != null) {
                CaseAttachment stored = attachments.attach(user, caseId, file.fileName(), file.contentType(),
                        new ByteArrayInputStream(file.content()));
                replaced.put(field, stored.id());
            }
        });
        return replaced;
    }
}
