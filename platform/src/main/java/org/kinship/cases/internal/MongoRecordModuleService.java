package org.kinship.cases.internal;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.kinship.shared.StaleVersionException;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.springframework.stereotype.Service;

/** Modules in the {@code record_modules} collection; the child protection module is created at first start. */
@Service
class MongoRecordModuleService implements RecordModuleService {

    static final String CHILD_PROTECTION = "child-protection";

    private final MongoCollection<Document> modules;
    private final DocumentMapper mapper;

    MongoRecordModuleService(MongoDatabase database, DocumentMapper mapper) {
        this.modules = database.getCollection("record_modules");
        this.mapper = mapper;
        if (modules.countDocuments() == 0) {
            insert(childProtection());
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

    private static void check(RecordModule module) {
        String id = "[a-z][a-z0-9_-]{0,40}";
        if (!module.id().matches(id) || module.sections().stream().anyMatch(s -> !s.id().matches(id))) {
            throw new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.module.badId");
        }
        if (!module.numberPattern().matches(".*\\{seq(:\\d{1,2})?}.*")) {
            throw new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.module.badPattern");
        }
    }

    private static RecordModule withVersion(RecordModule m, long version) {
        return new RecordModule(m.id(), m.recordType(), m.name(), m.sections(), m.registrationSection(),
                m.numberPattern(), m.workflow(), m.indexedFields(), version);
    }

    static RecordModule childProtection() {
        return new RecordModule(CHILD_PROTECTION, "case",
                Map.of("en", "Child Protection", "fr", "Protection de l'enfance", "es", "Protección de la infancia",
                        "ar", "حماية الطفل"),
                List.of(new ModuleSection("registration", "cp_registration", 1, 1, Map.of("en", "Registration")),
                        new ModuleSection("assessment", "cp_assessment", 1, 2, Map.of("en", "Assessment")),
                        new ModuleSection("case_plan", "cp_case_plan", 1, 3, Map.of("en", "Case plan"))),
                "registration", "{agency}-{year}-{seq:5}", "childProtectionCase", IndexedFields.standard(), 0);
    }
}
