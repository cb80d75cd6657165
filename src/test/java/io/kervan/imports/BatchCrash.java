package io.kervan.imports;

import io.kervan.shared.RecordsChanged;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Configuration;

/**
 * Lets a test make the JVM "die" in the middle of a bulk batch: after its records were written but before
 * the batch committed. Listens in the writing transaction to the one event a bulk batch publishes. A
 * top-level configuration found by scanning, so it joins the shared test context; it does nothing until armed.
 * A plain listener rather than {@code @EventListener}, which would wrap the error into an exception.
 */
@Configuration(proxyBeanMethods = false)
class BatchCrash implements ApplicationListener<PayloadApplicationEvent<RecordsChanged>> {

    /** Batches still to pass before the crash; negative when not armed. */
    private static final AtomicInteger BATCHES_BEFORE_CRASH = new AtomicInteger(-1);

    /** Stands for the JVM going away: not an exception the runner would record as a failed job. */
    static final class SimulatedCrash extends Error {
    }

    static void armAfter(int batches) {
        BATCHES_BEFORE_CRASH.set(batches);
    }

    static void disarm() {
        BATCHES_BEFORE_CRASH.set(-1);
    }

    @Override
    public void onApplicationEvent(PayloadApplicationEvent<RecordsChanged> event) {
        if (BATCHES_BEFORE_CRASH.get() >= 0 && BATCHES_BEFORE_CRASH.getAndDecrement() == 0) {
            BATCHES_BEFORE_CRASH.set(-1);
            throw new SimulatedCrash();
        }
    }
}
