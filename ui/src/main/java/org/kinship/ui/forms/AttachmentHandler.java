package org.kinship.ui.forms;

import java.util.Optional;

/**
 * Where the renderer puts uploaded photos, audio, documents and signatures. Case files store them in
 * MongoDB; the designer's preview keeps them in memory. The form data holds only the returned id.
 */
public interface AttachmentHandler {

    /** Stores the file and answers its id. */
    String store(String fileName, String contentType, byte[] content);

    /** A short description of a stored attachment (file name and size) for display. */
    Optional<String> describe(String id);
}
