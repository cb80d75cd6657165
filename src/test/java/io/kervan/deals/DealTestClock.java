package io.kervan.deals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * A clock that tests can pin and advance; it runs with the system clock until pinned. Registered as
 * the primary {@link Clock} of the one shared test context, so pinning needs no context of its own.
 * Tests that pin it must {@link #release()} it afterwards.
 */
public class DealTestClock extends Clock {

    private volatile Instant pinned;

    public void pin(Instant instant) {
        pinned = instant;
    }

    public void advance(java.time.Duration duration) {
        pinned = instant().plus(duration);
    }

    public void release() {
        pinned = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant at = pinned;
        return at != null ? at : Instant.now();
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        @Primary
        DealTestClock dealTestClock() {
            return new DealTestClock();
        }
    }
}
