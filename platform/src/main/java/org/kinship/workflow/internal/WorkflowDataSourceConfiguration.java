package org.kinship.workflow.internal;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.kinship.shared.StorageSettings;
import org.kinship.workflow.WorkflowSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flowable's database: PostgreSQL (or any JDBC URL) from {@code KINSHIP_WORKFLOW_JDBC_URL}, otherwise an
 * H2 file database in the data directory (an in-memory one when the embedded store runs in memory).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkflowSettings.class)
class WorkflowDataSourceConfiguration {

    @Bean(destroyMethod = "close")
    DataSource workflowDataSource(WorkflowSettings workflow, StorageSettings storage) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("workflow");
        if (workflow.embedded()) {
            config.setJdbcUrl(storage.embeddedInMemory()
                    ? "jdbc:h2:mem:workflow-" + System.identityHashCode(storage) + ";DB_CLOSE_DELAY=-1"
                    : "jdbc:h2:file:" + storage.resolve("workflow/flowable") + ";DB_CLOSE_ON_EXIT=FALSE");
            config.setUsername("sa");
            config.setPassword("");
            config.setMaximumPoolSize(5);
        } else {
            config.setJdbcUrl(workflow.jdbcUrl());
            config.setUsername(workflow.jdbcUser());
            config.setPassword(workflow.jdbcPassword());
            config.setMaximumPoolSize(10);
        }
        return new HikariDataSource(config);
    }
}
