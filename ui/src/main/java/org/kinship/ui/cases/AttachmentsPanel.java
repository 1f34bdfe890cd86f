package org.kinship.ui.cases;

import java.io.ByteArrayInputStream;
import java.util.Comparator;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import org.kinship.cases.CaseAttachment;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseRequestRefusedException;

/**
 * The files of a case: upload within the configured types and size (the service checks them again), images
 * shown inline, every file downloadable. Bytes are read through the service, so scope and audit apply.
 */
final class AttachmentsPanel extends Composite<VerticalLayout> {

    private final CaseContext context;
    private final Upload upload;
    private final Div list = new Div();
    private CaseFile file;

    AttachmentsPanel(CaseContext context, CaseFile file) {
        this.context = context;
        this.file = file;
        upload = new Upload(UploadHandler.inMemory((metadata, content) -> {
            UI ui = UI.getCurrent();
            try {
                CaseAttachment stored = context.attachments().attach(context.user(), this.file.id(),
                        metadata.fileName(), metadata.contentType(), new ByteArrayInputStream(content));
                CaseFile current = context.cases().get(context.user(), this.file.id());
                run(ui, () -> {
                    context.message().info(getTranslation("cases.attachments.added", stored.fileName()));
                    context.changed().accept(current);
                });
            } catch (CaseRequestRefusedException e) {
                run(ui, () -> context.message().refused(e));
            }
        }));
        upload.setId("attachment-upload");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, context.settings().maxAttachmentSize().toBytes()));
        upload.setAcceptedFileTypes(context.settings().attachmentTypes().toArray(String[]::new));
        Paragraph limits = new Paragraph(getTranslation("cases.attachments.limits",
                String.join(", ", context.settings().attachmentTypes()),
                context.settings().maxAttachmentSize().toMegabytes()));
        limits.addClassName("kinship-meta");
        list.setId("attachment-list");
        getContent().add(upload, limits, list);
        show(file, true);
    }

    private static void run(UI ui, Runnable change) {
        if (ui == null) {
            change.run();
        } else {
            ui.access(change::run);
        }
    }

    void show(CaseFile current, boolean mayWrite) {
        file = current;
        upload.setVisible(mayWrite);
        list.removeAll();
        current.attachments().stream().sorted(Comparator.comparing(CaseAttachment::uploadedAt).reversed())
                .forEach(attachment -> list.add(entry(attachment)));
        if (current.attachments().isEmpty()) {
            list.add(new Paragraph(getTranslation("cases.attachments.none")));
        }
    }

    private Div entry(CaseAttachment attachment) {
        Anchor download = new Anchor(CaseFiles.download(context.attachments(), context.user(), file.id(), attachment),
                AttachmentType.DOWNLOAD, CaseAttachments.describe(attachment));
        download.setId("attachment-download-" + attachment.id());
        Span meta = new Span(getTranslation("cases.byAt", context.userName().apply(attachment.uploadedBy()),
                context.dateTime().format(attachment.uploadedAt())));
        meta.addClassName("kinship-meta");
        meta.getStyle().set("margin-inline-start", "var(--lumo-space-s)");
        Div entry = new Div(download, meta);
        entry.setId("attachment-" + attachment.id());
        entry.getStyle().set("margin-block-end", "var(--lumo-space-m)");
        if (CaseFiles.isImage(attachment)) {
            Image image = new Image(CaseFiles.download(context.attachments(), context.user(), file.id(), attachment),
                    attachment.fileName());
            image.setMaxHeight("12em");
            image.getStyle().set("display", "block");
            entry.add(image);
        }
        return entry;
    }

    Upload upload() {
        return upload;
    }
}
