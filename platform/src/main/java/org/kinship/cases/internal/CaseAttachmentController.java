package org.kinship.cases.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.kinship.cases.CaseAttachment;
import org.kinship.cases.CaseAttachmentService;
import org.kinship.cases.CaseAttachmentService.AttachmentContent;
import org.kinship.security.KinshipUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/cases/{id}/attachments} (multipart, part {@code file}) and
 * {@code GET /api/v1/cases/{id}/attachments/{attachmentId}}: images are shown inline, other files download.
 */
@RestController
@RequestMapping("/api/v1/cases/{id}/attachments")
class CaseAttachmentController {

    private final CaseAttachmentService attachments;

    CaseAttachmentController(CaseAttachmentService attachments) {
        this.attachments = attachments;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CaseAttachment> upload(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestParam("file") MultipartFile file) {
        String type = file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : file.getContentType();
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        try {
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(attachments.attach(user, id, name, type, file.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{attachmentId}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @PathVariable String attachmentId) {
        AttachmentContent content = attachments.open(user, id, attachmentId);
        CaseAttachment attachment = content.attachment();
        boolean image = attachment.contentType().startsWith("image/");
        ContentDisposition disposition = (image ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(attachment.fileName(), java.nio.charset.StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(attachment.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(content.bytes());
    }
}
