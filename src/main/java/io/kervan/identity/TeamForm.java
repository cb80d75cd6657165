package io.kervan.identity;

import io.kervan.shared.Ids;
import io.kervan.shared.InvalidInputException;
import java.util.UUID;

/** The team form as the browser posts it; the manager arrives as text so a damaged value is a field error. */
record TeamForm(String name, String managerId, Long version) {

    static TeamForm empty() {
        return new TeamForm("", "", null);
    }

    static TeamForm of(TeamView team) {
        return new TeamForm(team.name(), team.managerId() == null ? "" : team.managerId().toString(), team.version());
    }

    UUID manager() {
        if (managerId == null || managerId.isBlank()) {
            return null;
        }
        UUID id = Ids.parseOrNull(managerId);
        if (id == null) {
            throw new InvalidInputException("managerId", "validation.user.unknown");
        }
        return id;
    }

    long versionOrZero() {
        return version == null ? 0 : version;
    }
}
