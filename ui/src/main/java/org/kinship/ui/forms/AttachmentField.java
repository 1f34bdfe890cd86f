package org.kinship.ui.forms;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import org.jspecify.annotations.Nullable;
import org.kinship.forms.FieldKind;

/**
 * A photo, audio recording, document or signature (an image of it): the file goes to the
 * {@link AttachmentHandler}, the form data keeps its id.
 */
final class AttachmentField extends CustomField<String> {

    static final int MAX_BYTES = 10 * 1024 * 1024;

    private final Span current = new Span();
    private final RenderContext context;
    private @Nullable String id;

    AttachmentField(FieldKind kind, RenderContext context) {
        this.context = context;
        Upload upload = new Upload(UploadHandler.inMemory((metadata, content) -> {
            String stored = context.attachments().store(metadata.fileName(), metadata.contentType(), content);
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> attach(stored));
            } else {
                attach(stored);
            }
        }));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setAcceptedFileTypes(acceptedTypes(kind));
        current.addClassName("kinship-attachment");
        add(upload, current);
        show();
    }

    static String[] acceptedTypes(FieldKind kind) {
        return switch (kind) {
            case PHOTO, SIGNATURE -> new String[] {"image/jpeg", "image/png", "image/webp", ".jpg", ".jpeg", ".png", ".webp"};
            case AUDIO -> new String[] {"audio/mpeg", "audio/ogg", "audio/wav", "audio/mp4", ".mp3", ".ogg", ".wav", ".m4a"};
            default -> new String[] {"application/pdf", "image/jpeg", "image/png", ".pdf", ".jpg", ".jpeg", ".png", ".docx", ".odt"};
        };
    }

    /** Takes a newly stored attachment as the field's value. */
    void attach(String storedId) {
        id = storedId;
        show();
        updateValue();
    }

    private void show() {
        current.setText(id == null ? context.text("forms.attachment.none")
                : context.attachments().describe(id).orElse(context.text("forms.attachment.stored")));
    }

    @Override
    protected @Nullable String generateModelValue() {
        return id;
    }

    @Override
    protected void setPresentationValue(@Nullable String value) {
        id = value;
        show();
    }
}
