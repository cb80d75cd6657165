package io.kervan.leads;

import java.util.UUID;

/**
 * A lead as the user entered it, before validation. {@code status} and {@code source} are keys
 * ({@code qualified}, {@code web_form}); {@code status} {@code null} means {@code new};
 * {@code ownerId} {@code null} means "me"; {@code visibleToTeam} {@code null} means visible.
 */
public record LeadDraft(String firstName, String lastName, String companyName, String title, String email,
        String phone, String source, String status, String disqualifiedReason, String notes, UUID ownerId,
        Boolean visibleToTeam) {
}
