package io.kervan.imports;

import io.kervan.shared.RecordsChanged;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
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

    /**
     * The batch to crash, told by its changes; {@code null} when not armed. Chosen by content rather than by
     * order: with two writers a later batch may publish its event before the batch ahead of it does.
     */
    private static final AtomicReference<Predicate<RecordsChanged>> TARGET = new AtomicReference<>();

    /** Stands for the JVM going away: not an exception the runner would record as a failed job. */
    static final class SimulatedCrash extends Error {
    }

    static void armFor(Predicate<RecordsChanged> batch) {
        TARGET.set(batch);
    }

    static void disarm() {
        TARGET.set(null);
    }

    @Override
    public void onApplicationEvent(PayloadApplicationEvent<RecordsChanged> event) {
        Predicate<RecordsChanged> target = TARGET.get();
        if (target != null && target.test(event.getPayload()) && TARGET.compareAndSet(target, null)) {
            throw new SimulatedCrash();
        }
    }
}
