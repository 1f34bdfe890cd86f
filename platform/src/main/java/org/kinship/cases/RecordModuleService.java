package org.kinship.cases;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;

/** The configured modules (what case files and, later, tracing requests are made of). */
public interface RecordModuleService {

    List<RecordModule> list();

    Optional<RecordModule> find(String moduleId);

    /**
     * Creates a module (version 0) or replaces one if it still has {@code module.version()}, as the installation
     * itself (first start, tests); audited as a configuration change by the system.
     *
     * @throws CaseRequestRefusedException when a section id is malformed, the number pattern is not valid
     *                                     ({@link #checkNumberPattern}) or a section's form is not published
     * @throws org.kinship.shared.StaleVersionException when someone else saved the module meanwhile
     */
    RecordModule save(RecordModule module);

    /**
     * Saves the module as {@code user}, who must hold {@code form:manage} with scope {@code all} (modules are
     * set-up, made of forms); audited as a configuration change ({@code config.change}, resource
     * {@code record_module}) naming what changed, never any case data.
     *
     * @throws org.kinship.security.PermissionDeniedException without the permission (audited as denied)
     * @throws CaseRequestRefusedException as {@link #save(RecordModule)}
     * @throws org.kinship.shared.StaleVersionException when someone else saved the module meanwhile
     */
    RecordModule save(KinshipUser user, RecordModule module);

    /**
     * Refuses a number pattern that would not give readable, unique numbers, with a message naming the problem:
     * exactly one sequence {@code {seq}} or {@code {seq:N}} (N from 1 to 12), otherwise only the placeholders
     * {@code {agency}}, {@code {module}}, {@code {year}}, letters, digits and {@code - _ . /}; at most 60
     * characters.
     *
     * @throws CaseRequestRefusedException (bad request) naming what is wrong
     */
    void checkNumberPattern(String pattern);

    /**
     * The number the next record of module {@code moduleId} ({@code recordType}) would get now with
     * {@code pattern} when registered by a worker of {@code agencyCode}, without drawing it (numbers are never
     * reused, so a preview must not use one up).
     *
     * @throws CaseRequestRefusedException when the pattern is not valid
     */
    String previewNumber(String moduleId, String recordType, String pattern, @Nullable String agencyCode);
}
