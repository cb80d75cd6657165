package io.kervan.contacts;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact row in lists and search results: the first e-mail and phone and the primary company
 * ({@code companyName} {@code null} when the reader may not see it).
 */
public record ContactSummary(UUID id, String firstName, String lastName, String title, String email, String phone,
        UUID companyId, String companyName, UUID ownerId, boolean archived, Instant updatedAt) {

    public String displayName() {
        return displayName(firstName, lastName);
    }

    /** "First Last", or the first name alone: how a contact is named everywhere. */
    static String displayName(String firstName, String lastName) {
        return lastName == null ? firstName : firstName + " " + lastName;
    }
}
