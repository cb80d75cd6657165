package io.kervan.imports;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Removes uploaded files once nothing needs them: a file is read only while its import runs (and to resume
 * it), so {@code kervan.imports.keep-files} (default 7 days) after an import ended its file is deleted — the
 * job, its row outcomes (for undo) and its problems (for the CSV) stay. An upload never started is
 * deleted whole after the same time. Without this every imported spreadsheet stayed in the database twice
 * (the upload and the job's copy), a million-row file about 50 MB each.
 */
@Component
class ImportFilePurge {

    private static final Logger log = LoggerFactory.getLogger(ImportFilePurge.class);

    private final ImportJobRepository jobs;
    private final Clock clock;
    private final Duration keep;

    ImportFilePurge(ImportJobRepository jobs, Clock clock, @Value("${kervan.imports.keep-files:7d}") Duration keep) {
        this.jobs = jobs;
        this.clock = clock;
        this.keep = keep;
    }

    /** @return how many files (ended jobs' and unused uploads') were removed */
    int purge() {
        Instant before = clock.instant().minus(keep);
        int files = jobs.deleteFilesOfJobsEndedBefore(before);
        int uploads = jobs.deleteUploadsCreatedBefore(before);
        if (files + uploads > 0) {
            log.info("Removed the files of {} ended imports and {} unused uploads", files, uploads);
        }
        return files + uploads;
    }

    @Configuration(proxyBeanMethods = false)
    static class Job {

        @Bean
        RecurringTask<Void> importFilePurgeTask(ImportFilePurge purge,
                @Value("${kervan.imports.purge-interval:1h}") Duration interval) {
            return Tasks.recurring("import-file-purge", Schedules.fixedDelay(interval))
                    .execute((instance, context) -> purge.purge());
        }
    }
}
