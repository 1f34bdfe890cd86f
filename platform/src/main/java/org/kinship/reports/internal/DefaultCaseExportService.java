package org.kinship.reports.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditActor;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditOutcome;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.CaseListService;
import org.kinship.cases.CaseNotFoundException;
import org.kinship.cases.CasePage;
import org.kinship.cases.CaseQuery;
import org.kinship.cases.CaseSummary;
import org.kinship.consent.ConsentPurpose;
import org.kinship.consent.ConsentService;
import org.kinship.i18n.Messages;
import org.kinship.i18n.SupportedLocales;
import org.kinship.reports.CaseExport;
import org.kinship.reports.CaseExportRequest;
import org.kinship.reports.CaseExportService;
import org.kinship.reports.ExportFormat;
import org.kinship.reports.ExportWarning;
import org.kinship.reports.ExportedFile;
import org.kinship.reports.ReportRefusedException;
import org.kinship.reports.ReportRefusedException.Reason;
import org.kinship.reports.ReportSettings;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.security.RecordScope;
import org.kinship.shared.Ids;
import org.springframework.stereotype.Service;

/** Case list exports read through the case service (decrypted, scoped, audited per case); see {@link CaseExportService}. */
@Service
class DefaultCaseExportService implements CaseExportService {

    static final String CASE_NUMBER = "@caseNumber";
    private static final int MIN_REASON = 10;

    private final ReportFields fields;
    private final CaseListService lists;
    private final CaseFileService cases;
    private final ConsentService consents;
    private final PermissionService permissions;
    private final CaseExportColumns columns;
    private final MongoExportRecordRepository records;
    private final ReportSettings settings;
    private final Messages messages;
    private final AuditLog audit;

    DefaultCaseExportService(ReportFields fields, CaseListService lists, CaseFileService cases,
            ConsentService consents, PermissionService permissions, CaseExportColumns columns,
            MongoExportRecordRepository records, ReportSettings settings, Messages messages, AuditLog audit) {
        this.fields = fields;
        this.lists = lists;
        this.cases = cases;
        this.consents = consents;
        this.permissions = permissions;
        this.columns = columns;
        this.records = records;
        this.settings = settings;
        this.messages = messages;
        this.audit = audit;
    }

    @Override
    public List<ExportWarning> warnings(KinshipUser user, CaseExportRequest request, Locale locale) {
        permissions.require(user, Resource.EXPORT, Action.EXPORT, null);
        return warnings(resolve(request), SupportedLocales.bestMatch(locale));
    }

    @Override
    public CaseExport export(KinshipUser user, CaseExportRequest request, Locale locale) {
        permissions.require(user, Resource.EXPORT, Action.EXPORT, null);
        Locale language = SupportedLocales.bestMatch(locale);
        List<CaseExportColumns.Column> chosen = resolve(request);
        List<ExportWarning> warnings = warnings(chosen, language);
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (!warnings.isEmpty() && reason.length() < MIN_REASON) {
            throw new ReportRefusedException(Reason.UNPROCESSABLE, Map.of("warnings", warnings),
                    "reports.export.reasonRequired", MIN_REASON);
        }
        RecordScope exportScope = permissions.scopeFor(user, Resource.EXPORT, Action.EXPORT);
        List<List<String>> rows = new ArrayList<>();
        rows.add(chosen.stream().map(c -> c.label(language.getLanguage())).toList());
        int withheld = 0;
        String withheldText = messages.get(language, "reports.export.withheld");
        for (String caseId : caseIds(user, request)) {
            CaseFile file;
            try {
                file = cases.get(user, caseId);
            } catch (CaseNotFoundException e) {
                continue; // closed to the user meanwhile
            }
            if (!file.module().equals(request.module())
                    || !exportScope.permits(file.ownerId(), file.assignedIds(), file.groupIds(), file.agencyCode())) {
                continue;
            }
            boolean withhold = !warnings.isEmpty() && refusedReporting(file.id());
            withheld += withhold ? 1 : 0;
            List<String> row = new ArrayList<>();
            for (CaseExportColumns.Column column : chosen) {
                row.add(withhold && column.flagged() ? withheldText : columns.value(column, file, language));
            }
            rows.add(row);
        }
        ExportFormat format = request.format() == null ? ExportFormat.XLSX : request.format();
        String exportId = Ids.newId();
        records.insert(exportId, user, request.module(), chosen.stream().map(CaseExportColumns.Column::path).toList(),
                reason, rows.size() - 1, withheld);
        audit.record(AuditActor.of(user), AuditActions.EXPORT, "case_list", exportId, AuditOutcome.SUCCESS,
                Map.of("module", request.module(), "rows", String.valueOf(rows.size() - 1),
                        "withheld", String.valueOf(withheld), "flaggedFields",
                        String.join(",", warnings.stream().map(ExportWarning::field).toList()),
                        "format", format.extension()));
        byte[] content = format == ExportFormat.XLSX ? CaseListWorkbook.xlsx(rows)
                : csv(rows).getBytes(StandardCharsets.UTF_8);
        return new CaseExport(exportId, new ExportedFile("cases-" + request.module() + "." + format.extension(), format,
                content), rows.size() - 1, withheld, warnings);
    }

    private static String csv(List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        rows.forEach(row -> text.append(Csv.line(row)));
        return text.toString();
    }

    /** Refused (and not overridden) consent to the use of the child's data in reports. */
    private boolean refusedReporting(String caseId) {
        var check = consents.mayProceed(caseId, ConsentPurpose.REPORTING);
        return !check.allowed() && check.reason().equals("consent.refused");
    }

    private List<String> caseIds(KinshipUser user, CaseExportRequest request) {
        List<String> ids = new ArrayList<>();
        int limit = settings.maxExportRows();
        for (int page = 0; ; page++) {
            CasePage found = lists.list(user, new CaseQuery(request.module(), request.status(), request.riskLevel(),
                    null, null, null, null, null, request.location(), request.registeredFrom(), request.registeredTo(),
                    null, CaseQuery.SortField.REGISTERED_AT, false, page, CaseQuery.MAX_SIZE));
            if (found.total() > limit) {
                throw new ReportRefusedException(Reason.BAD_REQUEST, "reports.export.tooManyRows", found.total(), limit);
            }
            found.items().stream().map(CaseSummary::id).forEach(ids::add);
            if (found.items().size() < CaseQuery.MAX_SIZE) {
                return ids;
            }
        }
    }

    private List<CaseExportColumns.Column> resolve(CaseExportRequest request) {
        if (request.fields().isEmpty()) {
            throw new ReportRefusedException(Reason.BAD_REQUEST, "reports.export.noFields");
        }
        ReportCatalog catalog = fields.catalog(request.module());
        return request.fields().stream().map(path -> columns.column(catalog, path)).toList();
    }

    private List<ExportWarning> warnings(List<CaseExportColumns.Column> chosen, Locale language) {
        List<ExportWarning> warnings = new ArrayList<>();
        for (CaseExportColumns.Column column : chosen) {
            @Nullable String kind = column.sensitive() ? "sensitive" : column.identifying() ? "identifying" : null;
            if (kind != null) {
                String label = column.label(language.getLanguage());
                warnings.add(new ExportWarning(column.path(), label, kind,
                        messages.get(language, "reports.export.warning." + kind, label)));
            }
        }
        return warnings;
    }
}
