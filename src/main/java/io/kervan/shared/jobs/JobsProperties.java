package io.kervan.shared.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tuning of the background job scheduler.
 *
 * @param enabled whether this node runs jobs at all (a node can be made web-only)
 * @param threads how many jobs this node runs at the same time
 * @param pollingInterval how often the node looks for due jobs in the database
 * @param heartbeatInterval how often a running job proves that its node is alive; a job whose node
 *        stops sending heartbeats is picked up again by another node
 */
@ConfigurationProperties("kervan.jobs")
public record JobsProperties(Boolean enabled, Integer threads, Duration pollingInterval, Duration heartbeatInterval) {

    public JobsProperties {
        enabled = enabled == null || enabled;
        threads = threads == null ? 4 : threads;
        pollingInterval = pollingInterval == null ? Duration.ofSeconds(5) : pollingInterval;
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(30) : heartbeatInterval;
    }
}
