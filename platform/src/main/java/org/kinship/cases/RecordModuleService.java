package org.kinship.cases;

import java.util.List;
import java.util.Optional;

/** The configured modules (what case files and, later, tracing requests are made of). */
public interface RecordModuleService {

    List<RecordModule> list();

    Optional<RecordModule> find(String moduleId);

    /**
     * Creates a module (version 0) or replaces one if it still has {@code module.version()}.
     *
     * @throws CaseRequestRefusedException when a section id is malformed or the number pattern has no sequence
     * @throws org.kinship.shared.StaleVersionException when someone else saved the module meanwhile
     */
    RecordModule save(RecordModule module);
}
