package io.kervan.companies;

import java.util.UUID;

/** What a company list is narrowed to: search text, owner, and whether archived companies show. */
public record CompanyFilter(String query, UUID ownerId, boolean includeArchived) {
}
