package org.kinship.workflow.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.Process;
import org.flowable.common.engine.impl.el.ExpressionManager;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.ProcessMigrationService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.migration.ProcessInstanceMigrationBuilder;
import org.flowable.engine.migration.ProcessInstanceMigrationValidationResult;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.engine.runtime.ProcessInstance;
import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditActor;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditOutcome;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModuleService;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.workflow.InvalidWorkflowException;
import org.kinship.workflow.WorkflowDefinition;
import org.kinship.workflow.WorkflowDeploymentService;
import org.kinship.workflow.WorkflowMigration;
import org.kinship.workflow.WorkflowProblem;
import org.kinship.workflow.WorkflowRequestRefusedException;
import org.kinship.workflow.WorkflowRequestRefusedException.Reason;
import org.springframework.stereotype.Service;

/** BPMN deployment, versions, download and migration of running cases; see {@link WorkflowDeploymentService}. */
@Service
class FlowableWorkflowDeploymentService implements WorkflowDeploymentService {

    /** The deployment category of a template package apply's workflows, followed by the apply id. */
    private static final String PACKAGE_APPLY = "template-apply:";

    static final String DEPLOY = "workflow.deploy";
    static final String MIGRATE = "workflow.migrate";

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ProcessMigrationService migration;
    private final ProcessEngineConfiguration engine;
    private final RecordModuleService modules;
    private final PermissionService permissions;
    private final ProcessSync sync;
    private final AuditLog audit;

    FlowableWorkflowDeploymentService(RepositoryService repository, RuntimeService runtime,
            ProcessMigrationService migration, ProcessEngineConfiguration engine, RecordModuleService modules,
            PermissionService permissions, ProcessSync sync, AuditLog audit) {
        this.repository = repository;
        this.runtime = runtime;
        this.migration = migration;
        this.engine = engine;
        this.modules = modules;
        this.permissions = permissions;
        this.sync = sync;
        this.audit = audit;
    }

    @Override
    public List<WorkflowProblem> validate(KinshipUser user, String xml) {
        permissions.require(user, Resource.WORKFLOW, Action.MANAGE, null);
        return rules(List.of()).check(xml).problems();
    }

    @Override
    public WorkflowDefinition deploy(KinshipUser user, @Nullable String fileName, String xml, boolean migrateRunning) {
        permissions.requireEverywhere(user, Resource.WORKFLOW, Action.MANAGE, null);
        BpmnRules.Checked checked = rules(List.of()).check(xml);
        if (!checked.problems().isEmpty() || checked.model() == null) {
            audit.record(AuditActor.of(user), DEPLOY, "workflow", null, AuditOutcome.FAILURE,
                    Map.of("problems", Integer.toString(checked.problems().size())));
            throw new InvalidWorkflowException(checked.problems());
        }
        WorkflowDefinition deployed = store(checked.model(), fileName, xml);
        audit.record(AuditActor.of(user), DEPLOY, "workflow", deployed.key(), AuditOutcome.SUCCESS,
                Map.of("version", Integer.toString(deployed.version())));
        if (migrateRunning) {
            migrate(user, deployed.key(), deployed.version());
        }
        return definition(repository.createProcessDefinitionQuery().processDefinitionId(deployed.id()).singleResult());
    }

    @Override
    public List<WorkflowDefinition> deployFromPackage(String packageId, String applyId, List<String> xmlFiles,
            Collection<String> packageSections, String appliedBy) {
        List<WorkflowProblem> problems = problemsOfPackage(xmlFiles, packageSections);
        if (!problems.isEmpty()) {
            throw new InvalidWorkflowException(problems);
        }
        List<WorkflowDefinition> deployed = new ArrayList<>();
        BpmnRules rules = rules(packageSections);
        for (String xml : xmlFiles) {
            BpmnRules.Checked checked = rules.check(xml);
            WorkflowDefinition definition = store(checked.model(), null, xml, PACKAGE_APPLY + applyId);
            audit.record(AuditActor.SYSTEM, DEPLOY, "workflow", definition.key(), AuditOutcome.SUCCESS,
                    Map.of("version", Integer.toString(definition.version()), "package", packageId, "by", appliedBy));
            deployed.add(definition);
        }
        return deployed;
    }

    @Override
    public List<String> withdrawPackageDeployments(String applyId) {
        List<String> withdrawn = new ArrayList<>();
        for (Deployment deployment : repository.createDeploymentQuery().deploymentCategory(PACKAGE_APPLY + applyId)
                .list()) {
            boolean started = repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).list().stream()
                    .anyMatch(definition -> runtime.createProcessInstanceQuery()
                            .processDefinitionId(definition.getId()).count() > 0);
            if (started) {
                continue;
            }
            repository.deleteDeployment(deployment.getId(), false);
            audit.record(AuditActor.SYSTEM, DEPLOY, "workflow", deployment.getKey(), AuditOutcome.SUCCESS,
                    Map.of("withdrawn", "template-package-undone"));
            withdrawn.add(deployment.getKey());
        }
        return withdrawn;
    }

    @Override
    public List<WorkflowProblem> problemsOfPackage(List<String> xmlFiles, Collection<String> extraSections) {
        List<WorkflowProblem> problems = new ArrayList<>();
        BpmnRules rules = rules(extraSections);
        xmlFiles.forEach(xml -> problems.addAll(rules.check(xml).problems()));
        return problems;
    }

    @Override
    public List<WorkflowDefinition> latest(KinshipUser user) {
        permissions.require(user, Resource.WORKFLOW, Action.VIEW, null);
        return repository.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().list()
                .stream().map(this::definition).toList();
    }

    @Override
    public List<WorkflowDefinition> versions(KinshipUser user, String key) {
        permissions.require(user, Resource.WORKFLOW, Action.VIEW, key);
        List<WorkflowDefinition> versions = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .orderByProcessDefinitionVersion().desc().list().stream().map(this::definition).toList();
        if (versions.isEmpty()) {
            throw new WorkflowRequestRefusedException(Reason.NOT_FOUND, "workflow.notFound", key);
        }
        return versions;
    }

    @Override
    public String bpmn(KinshipUser user, String key, int version) {
        permissions.require(user, Resource.WORKFLOW, Action.VIEW, key);
        ProcessDefinition definition = version(key, version);
        try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(),
                definition.getResourceName())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public WorkflowMigration migrate(KinshipUser user, String key, int toVersion) {
        permissions.requireEverywhere(user, Resource.WORKFLOW, Action.MANAGE, key);
        ProcessDefinition target = version(key, toVersion);
        List<ProcessDefinition> others = repository.createProcessDefinitionQuery().processDefinitionKey(key).list()
                .stream().filter(d -> !d.getId().equals(target.getId())).toList();
        ProcessInstanceMigrationBuilder builder = migration.createProcessInstanceMigrationBuilder()
                .migrateToProcessDefinition(key, toVersion);
        List<String> refused = new ArrayList<>();
        List<ProcessDefinition> withInstances = new ArrayList<>();
        for (ProcessDefinition other : others) {
            if (runtime.createProcessInstanceQuery().processDefinitionId(other.getId()).count() == 0) {
                continue;
            }
            withInstances.add(other);
            ProcessInstanceMigrationValidationResult result = builder.validateMigrationOfProcessInstances(
                    other.getId());
            if (result.hasErrors()) {
                result.getValidationMessages().forEach(m -> refused.add("v" + other.getVersion() + ": " + m));
            }
        }
        if (!refused.isEmpty()) {
            audit.record(AuditActor.of(user), MIGRATE, "workflow", key, AuditOutcome.FAILURE,
                    Map.of("toVersion", Integer.toString(toVersion), "problems", Integer.toString(refused.size())));
            return new WorkflowMigration(key, toVersion, List.of(), refused);
        }
        Set<String> migrated = new LinkedHashSet<>();
        for (ProcessDefinition other : withInstances) {
            List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionId(other.getId())
                    .list();
            builder.migrateProcessInstances(other.getId());
            for (ProcessInstance instance : instances) {
                migrated.add(instance.getBusinessKey() == null ? instance.getId() : instance.getBusinessKey());
                sync.sync(instance.getId());
            }
        }
        audit.record(AuditActor.of(user), MIGRATE, "workflow", key, AuditOutcome.SUCCESS,
                Map.of("toVersion", Integer.toString(toVersion), "instances", Integer.toString(migrated.size())));
        return new WorkflowMigration(key, toVersion, List.copyOf(migrated), List.of());
    }

    private ProcessDefinition version(String key, int version) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw new WorkflowRequestRefusedException(Reason.NOT_FOUND, "workflow.versionNotFound", key, version);
        }
        return definition;
    }

    private WorkflowDefinition store(BpmnModel model, @Nullable String fileName, String xml) {
        return store(model, fileName, xml, null);
    }

    private WorkflowDefinition store(BpmnModel model, @Nullable String fileName, String xml,
            @Nullable String category) {
        Process main = model.getMainProcess() != null ? model.getMainProcess() : model.getProcesses().getFirst();
        String resource = fileName != null && fileName.matches("[A-Za-z0-9._-]{1,100}\\.bpmn(20\\.xml)?")
                ? fileName : main.getId() + ".bpmn20.xml";
        var builder = repository.createDeployment().name(main.getId()).key(main.getId()).addString(resource, xml);
        if (category != null) {
            builder.category(category);
        }
        Deployment deployment = builder.deploy();
        ProcessDefinition definition = repository.createProcessDefinitionQuery().deploymentId(deployment.getId())
                .processDefinitionKey(main.getId()).singleResult();
        return definition(definition);
    }

    private WorkflowDefinition definition(ProcessDefinition definition) {
        Deployment deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId())
                .singleResult();
        return new WorkflowDefinition(definition.getId(), definition.getKey(), definition.getName(),
                definition.getVersion(), definition.getResourceName(),
                deployment == null || deployment.getDeploymentTime() == null ? null
                        : deployment.getDeploymentTime().toInstant(),
                runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count());
    }

    private BpmnRules rules(Collection<String> extraSections) {
        Set<String> sections = new LinkedHashSet<>(extraSections);
        modules.list().forEach(module -> module.sections().stream().map(ModuleSection::id).forEach(sections::add));
        ExpressionManager expressions = ((ProcessEngineConfigurationImpl) engine).getExpressionManager();
        return new BpmnRules(sections, expressions);
    }
}
