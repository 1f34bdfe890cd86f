package org.kinship.reports.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.forms.FieldKind;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormField;
import org.kinship.forms.FormNotFoundException;
import org.kinship.forms.FormSchema;
import org.kinship.forms.FormVersion;
import org.kinship.forms.FormVersionRef;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupService;
import org.kinship.forms.LookupValue;
import org.kinship.i18n.Messages;
import org.kinship.i18n.SupportedLocales;
import org.kinship.reports.ReportRefusedException;
import org.kinship.reports.ReportRefusedException.Reason;
import org.kinship.security.Agency;
import org.kinship.security.UserAccountService;
import org.springframework.stereotype.Component;

/**
 * Builds a module's {@link ReportCatalog} from the published form version each of its sections is filled with
 * (kinds, sensitivity, labels and options come from the form definitions, never from code), plus the case
 * attributes every case has.
 */
@Component
class ReportFields {

    static final String STATUS = "@status";
    static final String RISK_LEVEL = "@riskLevel";
    static final String AGENCY = "@agency";
    static final String REGISTERED_AT = "@registeredAt";

    private final RecordModuleService modules;
    private final FormDefinitionService forms;
    private final LookupService lookups;
    private final UserAccountService accounts;
    private final Messages messages;
    private final Map<FormVersionRef, FormSchema> schemas = new java.util.concurrent.ConcurrentHashMap<>();

    ReportFields(RecordModuleService modules, FormDefinitionService forms, LookupService lookups,
            UserAccountService accounts, Messages messages) {
        this.modules = modules;
        this.forms = forms;
        this.lookups = lookups;
        this.accounts = accounts;
        this.messages = messages;
    }

    ReportCatalog catalog(String moduleId) {
        RecordModule module = modules.find(moduleId).filter(m -> "case".equals(m.recordType()))
                .orElseThrow(() -> new ReportRefusedException(Reason.BAD_REQUEST, Map.of("module", moduleId),
                        "reports.module.unknown", moduleId));
        Map<String, ResolvedField> fields = new LinkedHashMap<>();
        for (ModuleSection section : module.sections()) {
            schemaOf(section).ifPresent(schema -> schema.fields().stream().filter(f -> f.kind().holdsData())
                    .forEach(field -> add(fields, section.id(), null, field)));
        }
        addBuiltins(fields, module);
        return new ReportCatalog(module, fields);
    }

    /**
     * The schema of the form version the section is filled with: the pinned version, or the form's latest
     * published version for a section that follows the latest ({@link ModuleSection#LATEST}, as the default module
     * does); none while it is not published.
     */
    private Optional<FormSchema> schemaOf(ModuleSection section) {
        if (section.followsLatest()) {
            return forms.latestVersion(section.formId()).map(FormVersion::schema);
        }
        return schema(new FormVersionRef(section.formId(), section.formVersion()));
    }

    /** The schema of a published form version (kept once read: published versions never change); none if unknown. */
    Optional<FormSchema> schema(FormVersionRef ref) {
        FormSchema cached = schemas.get(ref);
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            FormSchema schema = forms.version(ref).schema();
            // published versions never change, so their parsed schema can be kept; a handful per module
            if (schemas.size() < 500) {
                schemas.put(ref, schema);
            }
            return Optional.of(schema);
        } catch (FormNotFoundException e) {
            return Optional.empty();
        }
    }

    private void add(Map<String, ResolvedField> fields, String section, @Nullable FormField group, FormField field) {
        String name = group == null ? field.name() : group.name() + "." + field.name();
        boolean sensitive = field.sensitive() || (group != null && group.sensitive());
        fields.put(section + "/" + name, new ResolvedField(section + "/" + name, section,
                group == null ? null : group.name(), field.name(), field.kind(), sensitive, field.matchable(),
                field.label(),
                options(field), field.valueLookup()));
        if (group == null && field.kind() == FieldKind.REPEATING_GROUP) {
            field.children().stream().filter(c -> c.kind().holdsData()).forEach(c -> add(fields, section, field, c));
        }
    }

    private Map<String, Map<String, String>> options(FormField field) {
        Map<String, Map<String, String>> options = new LinkedHashMap<>();
        field.options().forEach(option -> options.put(option.value(), option.label()));
        if (options.isEmpty() && field.kind().usesOptions() && field.lookup() != null) {
            lookups.findLookup(field.lookup()).map(Lookup::activeValues).orElse(List.of())
                    .forEach(value -> options.put(value.value(), value.label()));
        }
        return options;
    }

    private void addBuiltins(Map<String, ResolvedField> fields, RecordModule module) {
        Map<String, Map<String, String>> statuses = new LinkedHashMap<>();
        statuses.put("OPEN", translations("reports.status.OPEN"));
        statuses.put("CLOSED", translations("reports.status.CLOSED"));
        fields.put(STATUS, builtin(STATUS, "status", FieldKind.SINGLE_CHOICE, statuses));
        String riskField = module.indexedFields().riskLevel();
        Map<String, Map<String, String>> risks = fields.values().stream()
                .filter(f -> !f.builtin() && f.group() == null && f.name().equals(riskField)).findFirst()
                .map(ResolvedField::options).orElse(Map.of());
        fields.put(RISK_LEVEL, builtin(RISK_LEVEL, "riskLevel", FieldKind.SINGLE_CHOICE, risks));
        Map<String, Map<String, String>> agencies = new LinkedHashMap<>();
        accounts.agencies().stream().sorted(java.util.Comparator.comparing(Agency::code))
                .forEach(agency -> agencies.put(agency.code(), Map.of("en", agency.name())));
        fields.put(AGENCY, builtin(AGENCY, "agencyCode", FieldKind.SINGLE_CHOICE, agencies));
        fields.put(REGISTERED_AT, builtin(REGISTERED_AT, "registeredAt", FieldKind.DATE_TIME, Map.of()));
    }

    private ResolvedField builtin(String path, String documentField, FieldKind kind,
            Map<String, Map<String, String>> options) {
        return new ResolvedField(path, null, null, documentField, kind, false, false,
                translations("reports.field." + path.substring(1)), options, null);
    }

    private Map<String, String> translations(String key) {
        Map<String, String> labels = new LinkedHashMap<>();
        SupportedLocales.ALL.forEach(locale -> labels.put(locale.getLanguage(), messages.get(locale, key)));
        return labels;
    }

    /**
     * The risk levels a module's forms offer (code to labels), read from the field the module names as its risk
     * level, without building the whole catalog: the dashboard asks on every home page view.
     */
    Map<String, Map<String, String>> riskLevels(RecordModule module) {
        String riskField = module.indexedFields().riskLevel();
        for (ModuleSection section : module.sections()) {
            Optional<FormField> field = schemaOf(section).flatMap(schema -> schema.field(riskField));
            if (field.isPresent()) {
                return options(field.get());
            }
        }
        return Map.of();
    }

    /** The label of a stored value: the option or lookup label, else the value itself. */
    String valueLabel(ResolvedField field, String value, Locale locale) {
        String language = locale.getLanguage();
        Map<String, String> option = field.options().get(value);
        if (option != null) {
            return option.getOrDefault(language, option.getOrDefault("en", value));
        }
        if (field.valueLookup() != null) {
            return lookups.findLookup(field.valueLookup()).flatMap(lookup -> lookup.value(value))
                    .map(v -> v.labelIn(language)).orElse(value);
        }
        return value;
    }

    Map<String, String> lookupLabels(ResolvedField field, Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (field.valueLookup() != null) {
            lookups.findLookup(field.valueLookup()).ifPresent(lookup -> {
                for (LookupValue value : lookup.values()) {
                    labels.put(value.value(), value.labelIn(locale.getLanguage()));
                }
            });
        }
        return labels;
    }
}
