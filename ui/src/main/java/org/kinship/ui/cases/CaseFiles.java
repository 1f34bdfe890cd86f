package org.kinship.ui.cases;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.kinship.cases.CaseAttachment;
import org.kinship.cases.CaseAttachmentService;
import org.kinship.cases.CaseAttachmentService.AttachmentContent;
import org.kinship.cases.CaseFile;
import org.kinship.cases.IndexedFields;
import org.kinship.security.KinshipUser;

/** What the case file screens read off a case: its name, age and files, the same way everywhere. */
final class CaseFiles {

    private CaseFiles() {
    }

    /** The name parts the module indexes, in order; the case number when none is filled in. */
    static String name(CaseFile file, IndexedFields fields) {
        String name = fields.names().stream().map(field -> file.value(field).map(Object::toString).orElse(null))
                .filter(Objects::nonNull).filter(part -> !part.isBlank()).collect(Collectors.joining(" "));
        return name.isBlank() ? file.caseNumber() : name;
    }

    /** The age in years: from the date of birth when known, else the recorded age, else the estimated age. */
    static Optional<Integer> age(CaseFile file, IndexedFields fields, LocalDate today) {
        Optional<Integer> fromBirth = file.value(fields.dateOfBirth()).map(Object::toString).flatMap(date -> {
            try {
                return Optional.of(Period.between(LocalDate.parse(date), today).getYears());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
        return fromBirth.or(() -> years(file, fields.age()))
                .or(() -> fields.estimatedAge() == null ? Optional.empty() : years(file, fields.estimatedAge()));
    }

    private static Optional<Integer> years(CaseFile file, String field) {
        return file.value(field).filter(Number.class::isInstance).map(age -> ((Number) age).intValue());
    }

    /** Streams an attachment to the browser, read through the service (scope applied, reading audited). */
    static DownloadHandler download(CaseAttachmentService attachments, KinshipUser user, String caseId,
            CaseAttachment attachment) {
        return DownloadHandler.fromInputStream(event -> {
            AttachmentContent content = attachments.open(user, caseId, attachment.id());
            return new DownloadResponse(new ByteArrayInputStream(content.bytes()), attachment.fileName(),
                    attachment.contentType(), content.bytes().length);
        });
    }

    static boolean isImage(CaseAttachment attachment) {
        return attachment.contentType().startsWith("image/");
    }

    static DateTimeFormatter dateTime(Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(ZoneId.systemDefault());
    }
}
