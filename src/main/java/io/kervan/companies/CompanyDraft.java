package io.kervan.companies;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A company as the user entered it, before validation. {@code ownerId} {@code null} means "me";
 * {@code visibleToTeam} {@code null} means the default (visible).
 */
public record CompanyDraft(String name, String sector, SizeBand sizeBand, BigDecimal annualRevenue,
        String revenueCurrency, String website, String email, String phone, String addressLine, String city,
        String country, String taxNumber, List<String> tags, String notes, UUID ownerId, Boolean visibleToTeam) {
}
