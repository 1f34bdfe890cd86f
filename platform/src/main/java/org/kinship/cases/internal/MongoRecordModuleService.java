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
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseRequestRefusedException.Reason;
import org.kinship.cases.IndexedFields;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.cases.SectionAccess;
import org.kinship.security.DefaultRoles;
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

    MongoRecordModuleService(MongoDatabase database, DocumentMapper mapper, SectionForms forms) {
        this.forms = forms;
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
        check(module);
        if (find(module.id()).isEmpty()) {
            return insert(module);
        }
        RecordModule next = withVersion(module, module.version() + 1);
        if (modules.findOneAndReplace(MongoCaseFileRepository.byIdAndVersion(module.id(), module.version()),
                mapper.toDocument(next)) == null) {
            throw new StaleVersionException("module", module.id(), module.version());
        }
        return next;
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
        if (!module.numberPattern().matches(".*\\{seq(:\\d{1,2})?}.*")) {
            throw new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.module.badPattern");
        }
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
