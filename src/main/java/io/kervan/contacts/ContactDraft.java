package io.kervan.contacts;

import java.util.List;
import java.util.UUID;

/**
 * A contact as the user entered it, before validation. Lists may hold blank entries (empty form
 * rows), which are skipped; field errors name the entry by its position in these lists
 * ({@code emails[1]}, {@code companies[0].companyId}). {@code ownerId} {@code null} means "me";
 * {@code visibleToTeam} {@code null} means the default (visible).
 */
public record ContactDraft(String firstName, String lastName, String title, List<String> emails, List<String> phones,
        List<CompanyLink> companies, String addressLine, String city, String country, List<String> tags,
        String notes, UUID ownerId, Boolean visibleToTeam) {

    /** A link to a company with the contact's role there; {@code primary} {@code null} means not primary. */
    public record CompanyLink(UUID companyId, String role, Boolean primary) {

        boolean isPrimary() {
            return Boolean.TRUE.equals(primary);
        }
    }
}
