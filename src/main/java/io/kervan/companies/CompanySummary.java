package io.kervan.companies;

import java.time.Instant;
import java.util.UUID;

/** A company row in lists and search results. */
public record CompanySummary(UUID id, String name, String sector, String city, String phone, String email,
        UUID ownerId, boolean archived, Instant updatedAt) {
}
