package io.kervan.contacts;

import java.util.UUID;

/** What a contact list is narrowed to: search text, owner, linked company, and whether archived contacts show. */
public record ContactFilter(String query, UUID ownerId, UUID companyId, boolean includeArchived) {
}
