package org.kinship.reports.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kinship.reports.AggregateDefinition;
import org.kinship.reports.AggregateImport;
import org.kinship.reports.AggregateReport;
import org.kinship.reports.AggregateService;
import org.kinship.reports.ConsolidatedReport;
import org.kinship.reports.ExportFormat;
import org.kinship.reports.ReportRefusedException;
import org.kinship.reports.ReportRefusedException.Reason;
import org.kinship.reports.UploadedFile;
import org.kinship.security.KinshipUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/aggregates}: definitions ({@code GET/POST /definitions}), the user's agency's report for a
 * month ({@code GET /{definition}/report?period=yyyy-MM}) and its export ({@code GET /{definition}/export}),
 * the coordination body's import of agencies' files ({@code POST /import?definition=&period=}, multipart
 * parts {@code files}) and the consolidated report ({@code GET /consolidated?definition=&period=}).
 */
@RestController
@RequestMapping("/api/v1/aggregates")
class AggregateController {

    private final AggregateService aggregates;

    AggregateController(AggregateService aggregates) {
        this.aggregates = aggregates;
    }

    @GetMapping("/definitions")
    List<AggregateDefinition> definitions(@AuthenticationPrincipal KinshipUser user) {
        return aggregates.definitions(user);
    }

    @GetMapping("/definitions/{id}")
    AggregateDefinition definition(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestParam @Nullable Integer version) {
        return aggregates.definition(user, id, version);
    }

    @PostMapping("/definitions")
    ResponseEntity<AggregateDefinition> publish(@AuthenticationPrincipal KinshipUser user,
            @RequestBody AggregateDefinition definition, Locale locale) {
        return ResponseEntity.status(HttpStatus.CREATED).body(aggregates.publish(user, definition, locale));
    }

    @GetMapping("/{id}/report")
    AggregateReport report(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestParam String period, Locale locale) {
        return aggregates.produce(user, id, month(period), locale);
    }

    @GetMapping("/{id}/export")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestParam String period, @RequestParam(defaultValue = "xlsx") String format, Locale locale) {
        return ReportController.download(aggregates.export(user, id, month(period), ExportFormat.parse(format),
                locale));
    }

    @PostMapping("/import")
    ResponseEntity<AggregateImport> importFiles(@AuthenticationPrincipal KinshipUser user,
            @RequestParam String definition, @RequestParam String period,
            @RequestPart("files") List<MultipartFile> files, Locale locale) {
        List<UploadedFile> uploaded = new ArrayList<>();
        for (MultipartFile file : files) {
            try {
                uploaded.add(new UploadedFile(file.getOriginalFilename() == null ? "file" : file.getOriginalFilename(),
                        file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(aggregates.importFiles(user, definition, month(period), uploaded, locale));
    }

    @GetMapping("/consolidated")
    ConsolidatedReport consolidated(@AuthenticationPrincipal KinshipUser user, @RequestParam String definition,
            @RequestParam String period, @RequestParam @Nullable Integer version, Locale locale) {
        return aggregates.consolidated(user, definition, version, month(period), locale);
    }

    static YearMonth month(String period) {
        try {
            return YearMonth.parse(period.strip());
        } catch (DateTimeParseException e) {
            throw new ReportRefusedException(Reason.BAD_REQUEST, "reports.aggregate.badPeriod", period);
        }
    }
}
