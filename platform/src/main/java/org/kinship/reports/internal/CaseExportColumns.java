package org.kinship.reports.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseSection;
import org.kinship.forms.FieldKind;
import org.kinship.i18n.Messages;
import org.kinship.i18n.SupportedLocales;
import org.kinship.reports.ReportRefusedException;
import org.kinship.reports.ReportRefusedException.Reason;
import org.springframework.stereotype.Component;

/**
 * The columns of a case list export: a form field (any kind but attachments and headings) or a case attribute,
 * and how its value is written (choices and locations by label, yes/no translated, repeating groups as the
 * items' values joined by {@code "; "}).
 */
@Component
class CaseExportColumns {

    /** One export column; {@code flagged} when identifying or sensitive. */
    record Column(String path, @Nullable ResolvedField field, Map<String, String> label, boolean sensitive,
            boolean identifying) {

        boolean flagged() {
            return sensitive || identifying;
        }

        String label(String language) {
            return label.getOrDefault(language, label.getOrDefault("en", path));
        }
    }

    private final ReportFields fields;
    private final Messages messages;

    CaseExportColumns(ReportFields fields, Messages messages) {
        this.fields = fields;
        this.messages = messages;
    }

    Column column(ReportCatalog catalog, String path) {
        if (path.strip().equals(DefaultCaseExportService.CASE_NUMBER)) {
            Map<String, String> labels = new java.util.LinkedHashMap<>();
            SupportedLocales.ALL.forEach(l -> labels.put(l.getLanguage(), messages.get(l, "reports.field.caseNumber")));
            return new Column(DefaultCaseExportService.CASE_NUMBER, null, labels, false, true);
        }
        ResolvedField field = catalog.find(path);
        if (field.kind().isAttachment() || !field.kind().holdsData() || field.kind() == FieldKind.REPEATING_GROUP) {
            throw new ReportRefusedException(Reason.BAD_REQUEST, Map.of("field", field.path()),
                    "reports.export.fieldNotExportable", field.path(), field.kind().code());
        }
        return new Column(field.path(), field, field.label(), field.sensitive(), field.identifying());
    }

    String value(Column column, CaseFile file, Locale locale) {
        ResolvedField field = column.field();
        if (field == null) {
            return file.caseNumber();
        }
        if (field.builtin()) {
            return switch (field.path()) {
                case ReportFields.STATUS -> messages.get(locale, "reports.status." + file.status().name());
                case ReportFields.RISK_LEVEL -> fields.valueLabel(field, file.riskLevel(), locale);
                case ReportFields.AGENCY -> file.agencyCode() == null ? "" : file.agencyCode();
                case ReportFields.REGISTERED_AT -> DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC)
                        .format(file.registeredAt());
                default -> "";
            };
        }
        Map<String, Object> data = file.section(field.section()).map(CaseSection::data).orElse(Map.of());
        List<String> values = new ArrayList<>();
        if (field.group() != null) {
            if (data.get(field.group()) instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map<?, ?> map && map.get(field.name()) != null) {
                        values.add(text(field, map.get(field.name()), locale));
                    }
                }
            }
        } else if (data.get(field.name()) != null) {
            values.add(text(field, data.get(field.name()), locale));
        }
        return String.join("; ", values);
    }

    private String text(ResolvedField field, Object value, Locale locale) {
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(v -> parts.add(text(field, v, locale)));
            return String.join(", ", parts);
        }
        if (value instanceof Boolean bool) {
            return messages.get(locale, bool ? "reports.yes" : "reports.no");
        }
        if (field.kind().usesOptions() || field.kind() == FieldKind.LOCATION) {
            return fields.valueLabel(field, String.valueOf(value), locale);
        }
        return String.valueOf(value);
    }
}
