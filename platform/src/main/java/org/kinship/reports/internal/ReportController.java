package org.kinship.reports.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.reports.ChartType;
import org.kinship.reports.ExportFormat;
import org.kinship.reports.ExportedFile;
import org.kinship.reports.ReportDefinition;
import org.kinship.reports.ReportIndexService;
import org.kinship.reports.ReportRefusedException.Reason;
import org.kinship.reports.ReportRefusedException;
import org.kinship.reports.ReportResult;
import org.kinship.reports.ReportService;
import org.kinship.reports.ReportableField;
import org.kinship.reports.SavedReport;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/reports}: saved reports ({@code GET}, {@code POST}, {@code GET/PUT/DELETE /{id}}), their
 * results computed now ({@code GET /{id}/result}), exports ({@code GET /{id}/export?format=xlsx|csv}), ad hoc
 * runs ({@code POST /run}), the fields a module offers ({@code GET /fields?module=}) and the rebuild of the
 * reports' read model ({@code POST /index/rebuild}, administrators).
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

    /** The body of a save: the name, the definition, the chart and the roles it is shared with. */
    record SaveReport(String name, ReportDefinition definition, @Nullable ChartType chart,
            @Nullable Set<String> sharedWithRoles, @Nullable Long version) {
    }

    private final ReportService reports;
    private final ReportIndexService index;

    ReportController(ReportService reports, ReportIndexService index) {
        this.reports = reports;
        this.index = index;
    }

    /** Rebuilds the reports' read model from the cases (administrators). */
    @PostMapping("/index/rebuild")
    Map<String, Long> rebuildIndex(@AuthenticationPrincipal KinshipUser user) {
        if (!user.hasRole(DefaultRoles.ADMINISTRATOR)) {
            throw new ReportRefusedException(Reason.FORBIDDEN, "reports.index.administratorsOnly");
        }
        return Map.of("indexed", index.rebuild());
    }

    @GetMapping
    List<SavedReport> list(@AuthenticationPrincipal KinshipUser user) {
        return reports.list(user);
    }

    @PostMapping
    ResponseEntity<SavedReport> create(@AuthenticationPrincipal KinshipUser user, @RequestBody SaveReport body,
            Locale locale) {
        SavedReport report = reports.create(user, body.name(), body.definition(), chart(body),
                body.sharedWithRoles() == null ? Set.of() : body.sharedWithRoles(), locale);
        return ResponseEntity.created(URI.create("/api/v1/reports/" + report.id())).eTag("\"" + report.version() + "\"")
                .body(report);
    }

    @GetMapping("/fields")
    List<ReportableField> fields(@AuthenticationPrincipal KinshipUser user, @RequestParam String module,
            Locale locale) {
        return reports.fields(user, module, locale);
    }

    @PostMapping("/run")
    ReportResult run(@AuthenticationPrincipal KinshipUser user, @RequestBody ReportDefinition definition,
            Locale locale) {
        return reports.run(user, definition, locale);
    }

    @GetMapping("/{id}")
    ResponseEntity<SavedReport> get(@AuthenticationPrincipal KinshipUser user, @PathVariable String id) {
        SavedReport report = reports.get(user, id);
        return ResponseEntity.ok().eTag("\"" + report.version() + "\"").body(report);
    }

    @PutMapping("/{id}")
    ResponseEntity<SavedReport> update(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestBody SaveReport body, Locale locale) {
        long version = body.version() != null ? body.version() : reports.get(user, id).version();
        SavedReport report = reports.update(user, id, version, body.name(), body.definition(), chart(body),
                body.sharedWithRoles() == null ? Set.of() : body.sharedWithRoles(), locale);
        return ResponseEntity.ok().eTag("\"" + report.version() + "\"").body(report);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal KinshipUser user, @PathVariable String id) {
        reports.delete(user, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/result")
    ReportResult result(@AuthenticationPrincipal KinshipUser user, @PathVariable String id, Locale locale) {
        return reports.runSaved(user, id, locale);
    }

    @GetMapping("/{id}/export")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestParam(defaultValue = "xlsx") String format, Locale locale) {
        return download(reports.export(user, id, ExportFormat.parse(format), locale, null));
    }

    static ResponseEntity<byte[]> download(ExportedFile file) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.parseMediaType(file.format().mediaType())).body(file.content());
    }

    private static ChartType chart(SaveReport body) {
        return body.chart() == null ? ChartType.BAR : body.chart();
    }
}
