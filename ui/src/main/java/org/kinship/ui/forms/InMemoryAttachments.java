package org.kinship.ui.forms;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.kinship.shared.Ids;

/** Attachments held in memory, for the designer's preview where nothing is saved. */
public final class InMemoryAttachments implements AttachmentHandler {

    private final Map<String, String> descriptions = new ConcurrentHashMap<>();

    @Override
    public String store(String fileName, String contentType, byte[] content) {
        String id = "preview-" + Ids.newId();
        descriptions.put(id, fileName + " (" + Math.max(1, content.length / 1024) + " KB)");
        return id;
    }

    @Override
    public Optional<String> describe(String id) {
        return Optional.ofNullable(descriptions.get(id));
    }
}
