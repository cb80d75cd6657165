package io.kervan.imports;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The background jobs that run imports and their undos on db-scheduler: persistent and claimed by one node
 * at a time. If the node dies, the scheduler finds the execution dead and starts it again on a live node,
 * where {@link ImportRunner} (or {@link ImportUndoRunner}) resumes after the last committed batch.
 */
@Configuration(proxyBeanMethods = false)
class ImportJobTask {

    static final String NAME = "import-job";
    static final String UNDO_NAME = "import-undo";

    @Bean
    OneTimeTask<String> importJob(ImportRunner runner) {
        return Tasks.oneTime(NAME, String.class)
                .onDeadExecutionRevive()
                .execute((instance, context) -> runner.run(java.util.UUID.fromString(instance.getId())));
    }

    @Bean
    OneTimeTask<String> importUndo(ImportUndoRunner runner) {
        return Tasks.oneTime(UNDO_NAME, String.class)
                .onDeadExecutionRevive()
                .execute((instance, context) -> runner.run(java.util.UUID.fromString(instance.getId())));
    }
}
