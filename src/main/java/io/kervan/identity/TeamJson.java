package io.kervan.identity;

import java.time.Instant;
import java.util.UUID;

/** A team as the REST API shows it. */
record TeamJson(UUID id, String name, UUID managerId, String managerName, int memberCount, Instant createdAt,
        Instant updatedAt, long version) {

    static TeamJson of(TeamView team) {
        return new TeamJson(team.id(), team.name(), team.managerId(), team.managerName(), team.memberCount(),
                team.createdAt(), team.updatedAt(), team.version());
    }
}
