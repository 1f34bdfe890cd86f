package org.kinship.reports.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModule;
import org.kinship.cases.SectionAccess;
import org.kinship.forms.FieldKind;
import org.kinship.reports.ReportRefusedException;
import org.kinship.reports.ReportRefusedException.Reason;
import org.kinship.security.KinshipUser;

/**
 * Every field of one module that a report could name, by full path ({@code section/field},
 * {@code section/group.child}, {@code @status}...), and the rule that refuses what may not be reported on.
 */
record ReportCatalog(RecordModule module, Map<String, ResolvedField> fields, Set<String> hiddenSections) {

    /** Kinds whose values can be grouped or counted; free text, attachments and tallies cannot. */
    static final Set<FieldKind> REPORTABLE = java.util.EnumSet.of(FieldKind.SINGLE_CHOICE,
            FieldKind.MULTIPLE_CHOICE, FieldKind.YES_NO, FieldKind.INTEGER, FieldKind.DECIMAL, FieldKind.DATE,
            FieldKind.DATE_TIME, FieldKind.LOCATION, FieldKind.CALCULATED);

    ReportCatalog {
        fields = new LinkedHashMap<>(fields);
        hiddenSections = Set.copyOf(hiddenSections);
    }

    ReportCatalog(RecordModule module, Map<String, ResolvedField> fields) {
        this(module, fields, Set.of());
    }

    /**
     * This catalog as the user may use it: fields of a section hidden for every role of the user
     * ({@link ModuleSection#roleAccess()}, ADR 0010) are refused like sensitive ones and not offered.
     */
    ReportCatalog forUser(KinshipUser user) {
        Set<String> hidden = new HashSet<>();
        for (ModuleSection section : module.sections()) {
            SectionAccess access = user.roles().stream().map(section::accessFor)
                    .reduce(SectionAccess.HIDDEN, SectionAccess::or);
            if (!access.canRead()) {
                hidden.add(section.id());
            }
        }
        return new ReportCatalog(module, fields, hidden);
    }

    /**
     * The field at {@code path} (or the only field with that name when the section is left out), checked for
     * use in a report.
     *
     * @throws ReportRefusedException when unknown, ambiguous, of a kind reports cannot use, sensitive, or in a
     *                                 section hidden from the user
     */
    ResolvedField resolve(String path) {
        ResolvedField field = find(path);
        if (hidden(field)) {
            throw new ReportRefusedException(Reason.FORBIDDEN, Map.of("field", field.path()),
                    "reports.field.hidden", field.path());
        }
        if (field.sensitive()) {
            throw new ReportRefusedException(Reason.FORBIDDEN, Map.of("field", field.path()),
                    "reports.field.sensitive", field.path());
        }
        if (!REPORTABLE.contains(field.kind())) {
            throw new ReportRefusedException(Reason.BAD_REQUEST, Map.of("field", field.path()),
                    "reports.field.notReportable", field.path(), field.kind().code());
        }
        return field;
    }

    /**
     * The field at {@code path}, or the only one with that name when the section is left out, whatever its kind.
     *
     * @throws ReportRefusedException when unknown or ambiguous
     */
    ResolvedField find(String path) {
        String wanted = path.strip();
        ResolvedField field = fields.get(wanted);
        if (field == null && !wanted.contains("/") && !wanted.startsWith("@")) {
            List<ResolvedField> named = new ArrayList<>();
            fields.forEach((key, candidate) -> {
                if (key.endsWith("/" + wanted)) {
                    named.add(candidate);
                }
            });
            if (named.size() > 1) {
                throw new ReportRefusedException(Reason.BAD_REQUEST, Map.of("field", wanted),
                        "reports.field.ambiguous", wanted);
            }
            field = named.isEmpty() ? null : named.getFirst();
        }
        if (field == null) {
            throw new ReportRefusedException(Reason.BAD_REQUEST, Map.of("field", wanted), "reports.field.unknown",
                    wanted, module.id());
        }
        return field;
    }

    /** The fields a report builder may offer: reportable, not sensitive, not in a section hidden from the user. */
    List<ResolvedField> reportable() {
        return fields.values().stream().filter(f -> !f.sensitive() && !hidden(f) && REPORTABLE.contains(f.kind()))
                .toList();
    }

    private boolean hidden(ResolvedField field) {
        return field.section() != null && hiddenSections.contains(field.section());
    }
}
