package org.kinship.tasks.internal;

import java.util.List;

import org.kinship.tasks.InboxTask;
import org.springframework.context.ApplicationContext;

/**
 * For benchmarks in other packages: writes open tasks straight into the inbox projection and its index (bulk
 * inserts, as {@code TaskInboxBenchmark} does), then makes the index durable.
 */
public final class TaskLoad {

    private TaskLoad() {
    }

    public static void insert(ApplicationContext context, List<InboxTask> tasks) {
        context.getBean(MongoTaskRepository.class).insertAll(tasks);
    }

    public static void commit(ApplicationContext context) {
        context.getBean(TaskIndexer.class).commit();
    }
}
