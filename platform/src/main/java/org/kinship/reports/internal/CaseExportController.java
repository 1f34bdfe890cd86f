package org.kinship.reports.internal;

import java.util.List;
import java.util.Locale;

import org.kinship.reports.CaseExport;
import org.kinship.reports.CaseExportRequest;
import org.kinship.reports.CaseExportService;
import org.kinship.reports.ExportWarning;
import org.kinship.security.KinshipUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/exports/cases/warnings}: the warnings the chosen fields raise; {@code POST
 * /api/v1/exports/cases}: the file (headers {@code X-Export-Id}, {@code X-Export-Rows},
 * {@code X-Export-Withheld}); without a reason while warnings apply, 422 with the warnings listed.
 */
@RestController
@RequestMapping("/api/v1/exports/cases")
class CaseExportController {

    private final CaseExportService exports;

    CaseExportController(CaseExportService exports) {
        this.exports = exports;
    }

    @PostMapping("/warnings")
    List<ExportWarning> warnings(@AuthenticationPrincipal KinshipUser user, @RequestBody CaseExportRequest request,
            Locale locale) {
        return exports.warnings(user, request, locale);
    }

    @PostMapping
    ResponseEntity<byte[]> export(@AuthenticationPrincipal KinshipUser user, @RequestBody CaseExportRequest request,
            Locale locale) {
        CaseExport export = exports.export(user, request, locale);
        ResponseEntity<byte[]> file = ReportController.download(export.file());
        return ResponseEntity.ok().headers(file.getHeaders()).header("X-Export-Id", export.exportId())
                .header("X-Export-Rows", String.valueOf(export.rows()))
                .header("X-Export-Withheld", String.valueOf(export.withheld())).body(file.getBody());
    }
}
