package org.kinship.workflow.internal;

import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.kinship.workflow.WorkflowSettings;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component "workflow": the engine's database answers and processes are deployed. */
@Component("workflow")
class WorkflowHealthIndicator extends AbstractHealthIndicator {

    private final ManagementService management;
    private final RepositoryService repository;
    private final WorkflowSettings settings;

    WorkflowHealthIndicator(ManagementService management, RepositoryService repository, WorkflowSettings settings) {
        super("Workflow database health check failed");
        this.management = management;
        this.repository = repository;
        this.settings = settings;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up()
                .withDetail("database", settings.embedded() ? "embedded H2" : "external")
                .withDetail("schemaVersion", management.getProperties().getOrDefault("schema.version", "unknown"))
                .withDetail("processDefinitions", repository.createProcessDefinitionQuery().latestVersion().count());
    }
}
