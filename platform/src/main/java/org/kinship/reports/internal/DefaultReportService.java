package org.kinship.reports.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditActor;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditOutcome;
import org.kinship.i18n.SupportedLocales;
import org.kinship.reports.ChartType;
import org.kinship.reports.ExportFormat;
import org.kinship.reports.ExportedFile;
import org.kinship.reports.ReportDefinition;
import org.kinship.reports.ReportRefusedException;
import org.kinship.reports.ReportRefusedException.Reason;
import org.kinship.reports.ReportResult;
import org.kinship.reports.ReportService;
import org.kinship.reports.ReportableField;
import org.kinship.reports.SavedReport;
import org.kinship.security.KinshipUser;
import org.kinship.security.RecordScope;
import org.kinship.shared.Ids;
import org.springframework.stereotype.Service;

/** Runs reports through the case read model and keeps saved reports; see {@link ReportService}. */
@Service
class DefaultReportService implements ReportService {

    private final ReportFields fields;
    private final ReportIndex index;
    private final ReportTables tables;
    private final ReportFiles files;
    private final MongoSavedReportRepository saved;
    private final ReportAccess access;
    private final AuditLog audit;
    private final Clock clock;

    DefaultReportService(ReportFields fields, ReportIndex index, ReportTables tables, ReportFiles files,
            MongoSavedReportRepository saved, ReportAccess access, AuditLog audit, Clock clock) {
        this.fields = fields;
        this.index = index;
        this.tables = tables;
        this.files = files;
        this.saved = saved;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<ReportableField> fields(KinshipUser user, String module, Locale locale) {
        access.requireView(user, null);
        String language = SupportedLocales.bestMatch(locale).getLanguage();
        return fields.catalog(module).forUser(user).reportable().stream().map(f -> {
            Map<String, String> options = new java.util.LinkedHashMap<>();
            f.options().forEach((value, label) -> options.put(value, label.getOrDefault(language,
                    label.getOrDefault("en", value))));
            return new ReportableField(f.path(), f.kind().code(), f.labelIn(language), f.groupPath(), options);
        }).toList();
    }

    @Override
    public ReportResult run(KinshipUser user, ReportDefinition definition, Locale locale) {
        RecordScope scope = access.requireView(user, null);
        ReportResult result = compute(scope, plan(user, definition), locale);
        audit(user, "report.run", null, definition, result);
        return result;
    }

    /** Checks and computes a definition over the cases in {@code scope}; used by aggregates too. */
    ReportResult compute(RecordScope scope, ReportDefinition definition, Locale locale) {
        return compute(scope, ReportPlan.compile(definition, fields.catalog(definition.module())), locale);
    }

    /** The definition checked against the fields the user may use (sections hidden from them refused). */
    private ReportPlan plan(KinshipUser user, ReportDefinition definition) {
        return ReportPlan.compile(definition, fields.catalog(definition.module()).forUser(user));
    }

    /**
     * Counts the plan over the read model (ADR 0020): one query (module, scope, case-attribute filters), then the
     * plan's fields read from the matching cases' doc values.
     */
    private ReportResult compute(RecordScope scope, ReportPlan plan, Locale locale) {
        ReportAccumulator sums = new ReportAccumulator(plan);
        Instant now = clock.instant();
        if (scope.allowsAny()) {
            Set<String> caseFields = new LinkedHashSet<>();
            plan.fields().stream().filter(f -> f.group() == null).forEach(f -> caseFields.add(f.path()));
            index.scan(ReportQueries.query(plan, scope), caseFields, plan.groupPath(),
                    (values, items) -> sums.add(field -> values.apply(field.path()), items));
        }
        return tables.table(plan, sums, SupportedLocales.bestMatch(locale), now);
    }

    @Override
    public List<SavedReport> list(KinshipUser user) {
        access.requireView(user, null);
        return saved.visibleTo(user);
    }

    @Override
    public SavedReport get(KinshipUser user, String reportId) {
        access.requireView(user, reportId);
        return saved.find(reportId).filter(report -> visible(user, report))
                .orElseThrow(() -> new ReportRefusedException(Reason.NOT_FOUND, "reports.notFound", reportId));
    }

    @Override
    public SavedReport create(KinshipUser user, String name, ReportDefinition definition, ChartType chart,
            Set<String> sharedWithRoles, Locale locale) {
        access.requireView(user, null);
        String checkedName = checkedName(name);
        plan(user, definition);
        Instant now = clock.instant();
        SavedReport report = new SavedReport(Ids.newId(), checkedName, definition, chart, user.id(), user.username(),
                sharedWithRoles, now, now, 1);
        saved.insert(report);
        audit.record(AuditActor.of(user), AuditActions.CONFIG_CHANGE, "report", report.id(), AuditOutcome.SUCCESS,
                Map.of("change", "created"));
        return report;
    }

    @Override
    public SavedReport update(KinshipUser user, String reportId, long expectedVersion, String name,
            ReportDefinition definition, ChartType chart, Set<String> sharedWithRoles, Locale locale) {
        SavedReport current = owned(user, reportId);
        String checkedName = checkedName(name);
        plan(user, definition);
        SavedReport next = new SavedReport(reportId, checkedName, definition, chart, current.ownerId(),
                current.ownerName(), sharedWithRoles, current.createdAt(), clock.instant(), expectedVersion + 1);
        saved.replace(next, expectedVersion);
        audit.record(AuditActor.of(user), AuditActions.CONFIG_CHANGE, "report", reportId, AuditOutcome.SUCCESS,
                Map.of("change", "updated"));
        return next;
    }

    @Override
    public void delete(KinshipUser user, String reportId) {
        owned(user, reportId);
        saved.delete(reportId);
        audit.record(AuditActor.of(user), AuditActions.CONFIG_CHANGE, "report", reportId, AuditOutcome.SUCCESS,
                Map.of("change", "deleted"));
    }

    @Override
    public ReportResult runSaved(KinshipUser user, String reportId, Locale locale) {
        SavedReport report = get(user, reportId);
        ReportResult result = compute(access.requireView(user, reportId), plan(user, report.definition()), locale);
        audit(user, "report.run", reportId, report.definition(), result);
        return result;
    }

    @Override
    public ExportedFile export(KinshipUser user, String reportId, ExportFormat format, Locale locale,
            @Nullable String title) {
        access.requireExport(user, reportId);
        SavedReport report = get(user, reportId);
        Locale language = SupportedLocales.bestMatch(locale);
        ReportResult result = compute(access.requireView(user, reportId), plan(user, report.definition()), language);
        byte[] content = format == ExportFormat.XLSX
                ? files.xlsx(result, title == null ? report.name() : title, user.displayName(), language)
                : files.csv(result, language);
        audit.record(AuditActor.of(user), AuditActions.EXPORT, "report", reportId, AuditOutcome.SUCCESS,
                Map.of("format", format.extension(), "records", String.valueOf(result.records()),
                        "module", report.definition().module()));
        return new ExportedFile(fileName(report.name()) + "." + format.extension(), format, content);
    }

    static String fileName(String name) {
        String safe = name.replaceAll("[^\\p{L}\\p{N}_-]+", "-").replaceAll("(^-+|-+$)", "");
        return safe.isEmpty() ? "report" : safe.length() > 60 ? safe.substring(0, 60) : safe;
    }

    private SavedReport owned(KinshipUser user, String reportId) {
        SavedReport report = get(user, reportId);
        if (!report.ownerId().equals(user.id())) {
            throw new ReportRefusedException(Reason.FORBIDDEN, "reports.notOwner");
        }
        return report;
    }

    private static boolean visible(KinshipUser user, SavedReport report) {
        return report.ownerId().equals(user.id()) || report.sharedWithRoles().stream().anyMatch(user.roles()::contains);
    }

    private static String checkedName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > 200) {
            throw new ReportRefusedException(Reason.BAD_REQUEST, "reports.name.required");
        }
        return stripped;
    }

    private void audit(KinshipUser user, String action, @Nullable String reportId, ReportDefinition definition,
            ReportResult result) {
        audit.record(AuditActor.of(user), action, "report", reportId, AuditOutcome.SUCCESS,
                Map.of("module", definition.module(), "records", String.valueOf(result.records())));
    }
}
