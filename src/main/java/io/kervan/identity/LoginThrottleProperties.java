package io.kervan.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Guessing passwords for one account is slowed, then refused for a while.
 *
 * @param slowAfter failed attempts after which each further attempt waits {@code delayStep} more
 * @param lockAfter failed attempts after which the account is refused for {@code lockFor}
 */
@ConfigurationProperties("kervan.login")
record LoginThrottleProperties(Integer slowAfter, Duration delayStep, Duration maxDelay, Integer lockAfter,
        Duration lockFor) {

    LoginThrottleProperties {
        slowAfter = slowAfter == null ? 3 : slowAfter;
        delayStep = delayStep == null ? Duration.ofMillis(500) : delayStep;
        maxDelay = maxDelay == null ? Duration.ofSeconds(3) : maxDelay;
        lockAfter = lockAfter == null ? 10 : lockAfter;
        lockFor = lockFor == null ? Duration.ofMinutes(15) : lockFor;
    }
}
