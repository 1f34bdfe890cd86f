package org.kinship.workflow;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The workflow engine's database.
 *
 * @param jdbcUrl      {@code KINSHIP_WORKFLOW_JDBC_URL}, e.g. {@code jdbc:postgresql://db:5432/kinship};
 *                     when absent an H2 file database under the data directory is used
 * @param jdbcUser     {@code KINSHIP_WORKFLOW_JDBC_USER}
 * @param jdbcPassword {@code KINSHIP_WORKFLOW_JDBC_PASSWORD}
 */
@ConfigurationProperties("kinship.workflow")
public record WorkflowSettings(@Nullable String jdbcUrl, @Nullable String jdbcUser, @Nullable String jdbcPassword) {

    public boolean embedded() {
        return jdbcUrl == null || jdbcUrl.isBlank();
    }
}
