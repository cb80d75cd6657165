package io.kervan.shared.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a scheduler between application start and shutdown, after the web server is up. A stopped
 * db-scheduler cannot be started again, so every start builds a fresh one (Spring stops and
 * restarts lifecycles, e.g. when a test context is paused and resumed).
 */
final class SchedulerLifecycle implements SmartLifecycle {

    private final Supplier<Scheduler> schedulers;
    private final boolean enabled;
    private volatile Scheduler running;

    SchedulerLifecycle(Supplier<Scheduler> schedulers, boolean enabled) {
        this.schedulers = schedulers;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        if (enabled && running == null) {
            Scheduler scheduler = schedulers.get();
            scheduler.start();
            running = scheduler;
        }
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.stop();
            running = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

    @Override
    public int getPhase() {
        // later than the web server, so jobs start last and stop first
        return Integer.MAX_VALUE - 1000;
    }
}
