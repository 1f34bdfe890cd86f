package org.kinship.cases.internal;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditActor;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditOutcome;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseRequestRefusedException.Reason;
import org.kinship.cases.IndexedFields;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.cases.SectionAccess;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.shared.StaleVersionException;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.springframework.stereotype.Service;

/**
 * Modules in the {@code record_modules} collection; the child protection module is created at first start. A module
 * is saved only when every section names a published form version (or follows a form that has one).
 */
@Service
class MongoRecordModuleService implements RecordModuleService {

    static final String CHILD_PROTECTION = "child-protection";
    private static final Set<String> PLACEHOLDER_FORMS = Set.of("cp_registration", "cp_assessment", "cp_case_plan");

    private final MongoCollection<Document> modules;
    private final DocumentMapper mapper;
    private final SectionForms forms;
    private final CaseNumbers numbers;
    private final PermissionService permissions;
    private final AuditLog audit;

    MongoRecordModuleService(MongoDatabase database, DocumentMapper mapper, SectionForms forms, CaseNumbers numbers,
            PermissionService permissions, AuditLog audit) {
        this.forms = forms;
        this.numbers = numbers;
        this.permissions = permissions;
        this.audit = audit;
        this.modules = database.getCollection("record_modules");
        this.mapper = mapper;
        if (modules.countDocuments() == 0) {
            insert(childProtection());
        } else {
            upgradePlaceholderModule();
        }
    }

    @Override
    public List<RecordModule> list() {
        return modules.find().map(d -> mapper.fromDocument(d, RecordModule.class)).into(new ArrayList<>());
    }

    @Override
    public Optional<RecordModule> find(String moduleId) {
        return Optional.ofNullable(modules.find(eq("_id", moduleId)).first())
                .map(d -> mapper.fromDocument(d, RecordModule.class));
    }

    @Override
    public RecordModule save(RecordModule module) {
        return save(AuditActor.SYSTEM, module);
    }

    @Override
    public RecordModule save(KinshipUser user, RecordModule module) {
        permissions.requireEverywhere(user, Resource.FORM, Action.MANAGE, module.id());
        return save(AuditActor.of(user), module);
    }

    @Override
    public void checkNumberPattern(String pattern) {
        CaseNumbers.check(pattern);
    }

    @Override
    public String previewNumber(String moduleId, String recordType, String pattern, @Nullable String agencyCode) {
        CaseNumbers.check(pattern);
        return numbers.peek(moduleId, recordType, pattern, agencyCode);
    }

    private RecordModule save(AuditActor actor, RecordModule module) {
        check(module);
        Optional<RecordModule> previous = find(module.id());
        RecordModule saved;
        if (previous.isEmpty()) {
            saved = insert(module);
        } else {
            saved = withVersion(module, module.version() + 1);
            if (modules.findOneAndReplace(MongoCaseFileRepository.byIdAndVersion(module.id(), module.version()),
                    mapper.toDocument(saved)) == null) {
                throw new StaleVersionException("module", module.id(), module.version());
            }
        }
        audit.record(actor, AuditActions.CONFIG_CHANGE, "record_module", module.id(), AuditOutcome.SUCCESS,
                Map.of("version", String.valueOf(saved.version()),
                        "changed", String.join(",", changes(previous.orElse(null), saved))));
        return saved;
    }

    /** The parts of the module that differ from the stored one (all of them for a new module). */
    static List<String> changes(@Nullable RecordModule before, RecordModule after) {
        List<String> changed = new ArrayList<>();
        if (before == null || !before.name().equals(after.name())) {
            changed.add("name");
        }
        if (before == null || !sectionsWithoutAccess(before).equals(sectionsWithoutAccess(after))) {
            changed.add("sections");
        }
        if (before == null || !accessOf(before).equals(accessOf(after))) {
            changed.add("sectionAccess");
        }
        if (before == null || !before.registrationSection().equals(after.registrationSection())) {
            changed.add("registrationSection");
        }
        if (before == null || !before.numberPattern().equals(after.numberPattern())) {
            changed.add("numberPattern");
        }
        if (before == null || !java.util.Objects.equals(before.workflow(), after.workflow())) {
            changed.add("workflow");
        }
        if (before == null || !before.indexedFields().equals(after.indexedFields())) {
            changed.add("indexedFields");
        }
        if (before == null || !before.recordType().equals(after.recordType())) {
            changed.add("recordType");
        }
        return changed;
    }

    private static List<ModuleSection> sectionsWithoutAccess(RecordModule module) {
        return module.sections().stream().map(s -> new ModuleSection(s.id(), s.formId(), s.formVersion(), s.order(),
                s.label())).toList();
    }

    private static Map<String, Map<String, SectionAccess>> accessOf(RecordModule module) {
        Map<String, Map<String, SectionAccess>> access = new java.util.HashMap<>();
        module.sections().forEach(s -> access.put(s.id(), s.roleAccess()));
        return access;
    }

    private RecordModule insert(RecordModule module) {
        RecordModule first = withVersion(module, 0);
        try {
            modules.insertOne(mapper.toDocument(first));
        } catch (MongoWriteException e) {
            throw new StaleVersionException("module", module.id(), module.version());
        }
        return first;
    }

    private void check(RecordModule module) {
        String id = "[a-z][a-z0-9_-]{0,40}";
        if (!module.id().matches(id) || module.sections().stream().anyMatch(s -> !s.id().matches(id))) {
            throw new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.module.badId");
        }
        if (module.sections().stream().map(ModuleSection::id).distinct().count() < module.sections().size()) {
            throw new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.module.duplicateSection");
        }
        CaseNumbers.check(module.numberPattern());
        for (ModuleSection section : module.sections()) {
            if (forms.current(section).isEmpty()) {
                throw section.followsLatest()
                        ? new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.section.formNotPublished",
                                section.id(), section.formId())
                        : new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.module.formNotPublished",
                                section.id(), section.formId(), section.formVersion());
            }
        }
    }

    private static RecordModule withVersion(RecordModule m, long version) {
        return new RecordModule(m.id(), m.recordType(), m.name(), m.sections(), m.registrationSection(),
                m.numberPattern(), m.workflow(), m.indexedFields(), version);
    }

    /**
     * The child protection module on the standard forms of {@code form-templates} (installed and published at first
     * start), each section following its form's latest published version. Referral recipients may read every
     * section but change none; every other role may edit what its case permissions allow.
     */
    static RecordModule childProtection() {
        List<ModuleSection> sections = List.of(
                section("registration", 1, "Registration", "Enregistrement", "Registro", "التسجيل"),
                section("consent", 2, "Consent and data protection", "Consentement et protection des données",
                        "Consentimiento y protección de datos", "الموافقة وحماية البيانات"),
                section("initial_assessment", 3, "Initial assessment", "Évaluation initiale", "Evaluación inicial",
                        "التقييم الأولي"),
                section("best_interest_assessment", 4, "Best Interest Assessment",
                        "Évaluation de l'intérêt supérieur", "Evaluación del interés superior", "تقييم المصلحة الفضلى"),
                section("case_plan", 5, "Case plan", "Plan d'intervention", "Plan de caso", "خطة الحالة"),
                section("services", 6, "Services and referrals", "Services et référencements",
                        "Servicios y remisiones", "الخدمات والإحالات"),
                section("follow_up", 7, "Follow-up", "Suivi", "Seguimiento", "المتابعة"),
                section("family_details", 8, "Family details", "Détails de la famille", "Datos de la familia",
                        "تفاصيل الأسرة"),
                section("care_arrangements", 9, "Care arrangements", "Modalités de prise en charge",
                        "Modalidades de cuidado", "ترتيبات الرعاية"),
                section("tracing", 10, "Tracing", "Recherche familiale", "Búsqueda familiar", "البحث عن الأسرة"),
                section("closure", 11, "Case closure", "Clôture du dossier", "Cierre del caso", "إغلاق الحالة"));
        return new RecordModule(CHILD_PROTECTION, "case",
                Map.of("en", "Child Protection", "fr", "Protection de l'enfance", "es", "Protección de la infancia",
                        "ar", "حماية الطفل"),
                sections, "registration", "{agency}-{year}-{seq:5}", "childProtectionCase", IndexedFields.standard(), 0);
    }

    /** A section filled with the standard form of the same id. */
    private static ModuleSection section(String id, int order, String en, String fr, String es, String ar) {
        return new ModuleSection(id, id, ModuleSection.LATEST, order, Map.of("en", en, "fr", fr, "es", es, "ar", ar),
                Map.of(DefaultRoles.REFERRAL_RECIPIENT, SectionAccess.READ));
    }

    /**
     * The first default module named placeholder forms that were never shipped; an installation that still has it
     * unchanged (version 0) gets the module on the standard forms.
     */
    private void upgradePlaceholderModule() {
        find(CHILD_PROTECTION).filter(m -> m.version() == 0 && m.sections().stream()
                        .anyMatch(section -> PLACEHOLDER_FORMS.contains(section.formId())))
                .ifPresent(old -> modules.replaceOne(MongoCaseFileRepository.byIdAndVersion(old.id(), 0),
                        mapper.toDocument(childProtection())));
    }
}
