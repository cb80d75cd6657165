package io.kervan.leads;

import java.util.UUID;

/** What a lead list is narrowed to; {@code status} and {@code source} are keys, checked by the service. */
public record LeadFilter(String query, String status, String source, UUID ownerId, boolean includeArchived) {
}
