package org.kinship.reports.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditActor;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditOutcome;
import org.kinship.i18n.SupportedLocales;
import org.kinship.reports.AggregateCategory;
import org.kinship.reports.AggregateCell;
import org.kinship.reports.AggregateDefinition;
import org.kinship.reports.AggregateImport;
import org.kinship.reports.AggregateReport;
import org.kinship.reports.AggregateService;
import org.kinship.reports.ConsolidatedReport;
import org.kinship.reports.ExportFormat;
import org.kinship.reports.ExportedFile;
import org.kinship.reports.ReportDefinition;
import org.kinship.reports.ReportDimension;
import org.kinship.reports.ReportFilter;
import org.kinship.reports.ReportMeasure;
import org.kinship.reports.ReportRefusedException;
import org.kinship.reports.ReportRefusedException.Reason;
import org.kinship.reports.ReportResult;
import org.kinship.reports.ReportSettings;
import org.kinship.reports.UploadedFile;
import org.kinship.security.KinshipUser;
import org.kinship.security.RecordScope;
import org.kinship.security.UserAccountService;
import org.kinship.shared.Ids;
import org.springframework.stereotype.Service;

/** Aggregate reports computed with the report engine, exchanged as files, consolidated; see {@link AggregateService}. */
@Service
class DefaultAggregateService implements AggregateService {

    private final MongoAggregateRepository repository;
    private final DefaultReportService reports;
    private final ReportFields fields;
    private final ReportAccess access;
    private final UserAccountService accounts;
    private final ReportSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    DefaultAggregateService(MongoAggregateRepository repository, DefaultReportService reports, ReportFields fields,
            ReportAccess access, UserAccountService accounts, ReportSettings settings, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.reports = reports;
        this.fields = fields;
        this.access = access;
        this.accounts = accounts;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<AggregateDefinition> definitions(KinshipUser user) {
        access.requireView(user, null);
        return repository.latestDefinitions();
    }

    @Override
    public AggregateDefinition definition(KinshipUser user, String definitionId, @Nullable Integer version) {
        access.requireView(user, definitionId);
        return find(definitionId, version);
    }

    private AggregateDefinition find(String definitionId, @Nullable Integer version) {
        return (version == null ? repository.latestDefinition(definitionId)
                : repository.findDefinition(definitionId, version))
                .orElseThrow(() -> new ReportRefusedException(Reason.NOT_FOUND, Map.of("definition", definitionId),
                        "reports.aggregate.unknownDefinition", definitionId));
    }

    @Override
    public AggregateDefinition publish(KinshipUser user, AggregateDefinition definition, Locale locale) {
        access.requireCoordination(user, definition.id());
        check(definition);
        int next = repository.latestDefinition(definition.id()).map(d -> d.version() + 1).orElse(1);
        AggregateDefinition stored = new AggregateDefinition(definition.id(), next, definition.name(),
                definition.module(), definition.periodField(), definition.suppressionThreshold(),
                definition.categories());
        repository.insertDefinition(stored);
        audit.record(AuditActor.of(user), AuditActions.CONFIG_CHANGE, "aggregate_definition", definition.id(),
                AuditOutcome.SUCCESS, Map.of("version", String.valueOf(next)));
        return stored;
    }

    /** Every category must be a report the engine accepts (known, reportable, not sensitive fields). */
    void check(AggregateDefinition definition) {
        if (!definition.id().matches("[a-z][a-z0-9_-]{0,60}") || definition.categories().isEmpty()
                || definition.suppressionThreshold() < 1) {
            throw new ReportRefusedException(Reason.BAD_REQUEST, "reports.aggregate.badDefinition", definition.id());
        }
        Set<String> ids = new HashSet<>();
        ReportCatalog catalog = fields.catalog(definition.module());
        for (AggregateCategory category : definition.categories()) {
            if (!ids.add(category.id()) || !category.id().matches("[a-z][a-z0-9_-]{0,60}")) {
                throw new ReportRefusedException(Reason.BAD_REQUEST, "reports.aggregate.badCategory", category.id());
            }
            ReportPlan.compile(categoryReport(definition, category, YearMonth.of(2000, 1), "-"), catalog);
        }
    }

    @Override
    public AggregateReport produce(KinshipUser user, String definitionId, YearMonth period, Locale locale) {
        RecordScope scope = access.requireView(user, definitionId);
        if (user.agencyCode() == null || scope.level().compareTo(RecordScope.Level.AGENCY) < 0) {
            throw new ReportRefusedException(Reason.FORBIDDEN, "reports.aggregate.agencyScope");
        }
        AggregateDefinition definition = find(definitionId, null);
        Locale language = SupportedLocales.bestMatch(locale);
        List<AggregateCell> cells = new ArrayList<>();
        for (AggregateCategory category : definition.categories()) {
            ReportResult result = reports.compute(scope,
                    categoryReport(definition, category, period, user.agencyCode()), language);
            cells.addAll(AggregateCells.cells(category, result, definition.suppressionThreshold()));
        }
        return new AggregateReport(user.agencyCode(), definition.id(), definition.version(), period.toString(),
                clock.instant(), definition.suppressionThreshold(), cells);
    }

    /** The one-row report of a category: its field by value or range, records of the agency in the month. */
    private static ReportDefinition categoryReport(AggregateDefinition definition, AggregateCategory category,
            YearMonth period, String agency) {
        String periodField = category.periodField() != null ? category.periodField() : definition.periodField();
        LocalDate first = period.atDay(1);
        return new ReportDefinition(definition.module(),
                List.of(new ReportDimension(category.field(), null, category.ranges())), List.of(),
                List.of(ReportFilter.between(periodField, first.toString(), period.atEndOfMonth().toString()),
                        ReportFilter.in(ReportFields.AGENCY, agency)),
                ReportMeasure.COUNT);
    }

    @Override
    public ExportedFile export(KinshipUser user, String definitionId, YearMonth period, ExportFormat format,
            Locale locale) {
        access.requireExport(user, definitionId);
        AggregateReport report = produce(user, definitionId, period, locale);
        byte[] content = format == ExportFormat.XLSX ? AggregateFiles.xlsx(report) : AggregateFiles.csv(report);
        audit.record(AuditActor.of(user), AuditActions.EXPORT, "aggregate", definitionId, AuditOutcome.SUCCESS,
                Map.of("version", String.valueOf(report.definitionVersion()), "period", report.period(),
                        "agency", report.agency(), "format", format.extension()));
        return new ExportedFile(report.agency() + "-" + definitionId + "-v" + report.definitionVersion() + "-"
                + report.period() + "." + format.extension(), format, content);
    }

    @Override
    public AggregateImport importFiles(KinshipUser user, String definitionId, YearMonth period,
            List<UploadedFile> files, Locale locale) {
        access.requireCoordination(user, definitionId);
        AggregateDefinition definition = find(definitionId, null);
        if (files.isEmpty() || files.size() > settings.maxImportFiles()) {
            throw new ReportRefusedException(Reason.BAD_REQUEST, "reports.aggregate.fileCount",
                    settings.maxImportFiles());
        }
        List<AggregateImport.AgencyFile> checked = new ArrayList<>();
        Set<String> agencies = new HashSet<>();
        for (UploadedFile file : files) {
            AggregateImport.AgencyFile agencyFile = checked(definition, period, file);
            if (!agencies.add(agencyFile.agency())) {
                throw refusal(file, "reports.aggregate.agencyTwice", agencyFile.agency());
            }
            checked.add(agencyFile);
        }
        AggregateImport imported = new AggregateImport(Ids.newId(), definition.id(), definition.version(),
                period.toString(), clock.instant(), user.username(), checked);
        repository.insertImport(imported);
        audit.record(AuditActor.of(user), "aggregate.import", "aggregate", definitionId, AuditOutcome.SUCCESS,
                Map.of("importId", imported.id(), "period", imported.period(),
                        "agencies", String.join(",", agencies.stream().sorted().toList())));
        return imported;
    }

    private AggregateImport.AgencyFile checked(AggregateDefinition definition, YearMonth period, UploadedFile file) {
        AggregateFiles.Parsed parsed;
        try {
            parsed = AggregateFiles.read(file.content());
        } catch (AggregateFiles.Malformed e) {
            throw refusal(file, "reports.aggregate.malformed", file.fileName(), e.line(), e.getMessage());
        }
        if (accounts.findAgency(parsed.agency()).isEmpty()) {
            throw refusal(file, "reports.aggregate.unknownAgency", file.fileName(), parsed.agency());
        }
        if (!parsed.definitionId().equals(definition.id()) || parsed.definitionVersion() != definition.version()) {
            throw refusal(file, "reports.aggregate.otherDefinition", file.fileName(),
                    parsed.definitionId() + " v" + parsed.definitionVersion(),
                    definition.id() + " v" + definition.version());
        }
        if (!parsed.period().equals(period.toString())) {
            throw refusal(file, "reports.aggregate.otherPeriod", file.fileName(), parsed.period(), period);
        }
        Set<String> seen = new HashSet<>();
        for (AggregateCell cell : parsed.cells()) {
            AggregateCategory category = definition.category(cell.category()).orElseThrow(
                    () -> refusal(file, "reports.aggregate.unknownCategory", file.fileName(), cell.category()));
            if (!seen.add(cell.category() + "\u0000" + cell.value())) {
                throw refusal(file, "reports.aggregate.cellTwice", file.fileName(), cell.category(), cell.value());
            }
            if (category.percentagesOnly() && cell.count() != null) {
                throw refusal(file, "reports.aggregate.countInPercentages", file.fileName(), cell.category());
            }
            if (!category.percentagesOnly() && !cell.suppressed() && cell.count() == null) {
                throw refusal(file, "reports.aggregate.countMissing", file.fileName(), cell.category(), cell.value());
            }
            if (cell.count() != null && cell.count() > 0 && cell.count() < definition.suppressionThreshold()) {
                throw refusal(file, "reports.aggregate.smallCell", file.fileName(), cell.category(), cell.value());
            }
        }
        return new AggregateImport.AgencyFile(file.fileName(), parsed.agency(), sha256(file.content()),
                parsed.cells());
    }

    private static ReportRefusedException refusal(UploadedFile file, String key, Object... args) {
        return new ReportRefusedException(Reason.UNPROCESSABLE, Map.of("file", file.fileName()), key, args);
    }

    @Override
    public ConsolidatedReport consolidated(KinshipUser user, String definitionId, @Nullable Integer version,
            YearMonth period, Locale locale) {
        access.requireCoordination(user, definitionId);
        AggregateDefinition definition = find(definitionId, version);
        return Consolidation.of(definition, period.toString(),
                repository.imports(definition.id(), definition.version(), period.toString()));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
