package org.kinship.ui.tracing;

import java.util.Optional;

import org.kinship.ui.forms.AttachmentHandler;

/**
 * Tracing requests keep no files (the standard form has no attachment field): an upload is refused with a
 * message instead of being kept somewhere it would be lost.
 */
final class RefusingAttachments implements AttachmentHandler {

    @Override
    public String store(String fileName, String contentType, byte[] content) {
        throw new IllegalStateException("Tracing requests do not keep attachments");
    }

    @Override
    public Optional<String> describe(String id) {
        return Optional.empty();
    }
}
