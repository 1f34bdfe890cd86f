package org.kinship.workflow;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;

/**
 * Deploying and inspecting BPMN processes (administrators: {@code workflow:view} to read, {@code workflow:manage}
 * to validate and deploy). A file is validated whole (XML, BPMN schema, Flowable's validator and Kinship's
 * rules) before anything is deployed.
 */
public interface WorkflowDeploymentService {

    /** Every problem of a BPMN file; empty when it would deploy. Nothing is deployed. */
    List<WorkflowProblem> validate(KinshipUser user, String xml);

    /**
     * Validates and deploys a new version.
     *
     * @param migrateRunning also move every running instance of the previous versions to the new one
     * @throws InvalidWorkflowException with every problem, nothing deployed
     */
    WorkflowDefinition deploy(KinshipUser user, @Nullable String fileName, String xml, boolean migrateRunning);

    /**
     * Every problem of a template package's workflows, checked before anything of the package is stored; form keys
     * may also name {@code packageSections} (the package's form ids).
     */
    List<WorkflowProblem> problemsOfPackage(List<String> xmlFiles, Collection<String> packageSections);

    /**
     * Deploys the workflows of a template package being applied (no user; audited as the applier), tagged with
     * {@code applyId} so that {@link #withdrawPackageDeployments} can undo them.
     */
    List<WorkflowDefinition> deployFromPackage(String packageId, String applyId, List<String> xmlFiles,
            Collection<String> packageSections, String appliedBy);

    /**
     * Undoes the deployments of a template package apply that failed (those tagged with {@code applyId}): the
     * previous version of each process is the latest again. A deployment that already started processes is kept.
     *
     * @return the process keys whose deployment was removed
     */
    List<String> withdrawPackageDeployments(String applyId);

    /** The latest version of every deployed process. */
    List<WorkflowDefinition> latest(KinshipUser user);

    /** Every version of a process, newest first. */
    List<WorkflowDefinition> versions(KinshipUser user, String key);

    /** The BPMN XML of a version (for download or the designer). */
    String bpmn(KinshipUser user, String key, int version);

    /** Moves the running instances of older versions of {@code key} to {@code toVersion}. */
    WorkflowMigration migrate(KinshipUser user, String key, int toVersion);
}
