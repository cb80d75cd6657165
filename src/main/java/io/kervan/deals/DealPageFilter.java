package io.kervan.deals;

import io.kervan.identity.UserService;
import io.kervan.identity.UserView;
import io.kervan.shared.Ids;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * The filters of the board and list pages as typed in the address bar. Values that do not parse are
 * ignored (a page never fails on a bad filter); {@link #query()} rebuilds them for links.
 */
record DealPageFilter(String q, String pipelineId, String ownerId, String teamId, String closeMonth, String status,
        Boolean stale, String currency) {

    /** The currency board totals are reported in: a three-letter code, TRY unless another is asked for. */
    public String reportingCurrency() {
        return currency != null && currency.strip().matches("[A-Za-z]{3}") ? currency.strip().toUpperCase(java.util.Locale.ROOT)
                : "TRY";
    }

    /** Whether only stale deals are listed. */
    public boolean staleOnly() {
        return Boolean.TRUE.equals(stale);
    }

    DealFilter toFilter(UserService users, UUID pipeline) {
        UUID owner = Ids.parseOrNull(ownerId);
        UUID team = Ids.parseOrNull(teamId);
        List<UUID> teamMembers = team == null ? null
                : users.list().stream().filter(u -> team.equals(u.teamId())).map(UserView::id).toList();
        DealStatus dealStatus = null;
        if (status != null && !status.isBlank()) {
            try {
                dealStatus = DealStatus.ofKey(status.strip());
            } catch (IllegalArgumentException e) {
                dealStatus = null;
            }
        }
        return new DealFilter(q, pipeline, null, owner, teamMembers, dealStatus, staleOnly(), month(), false);
    }

    YearMonth month() {
        if (closeMonth == null || closeMonth.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(closeMonth.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Parameters for the board's move requests and links, without the pipeline. */
    String query() {
        StringBuilder query = new StringBuilder();
        append(query, "ownerId", ownerId);
        append(query, "teamId", teamId);
        append(query, "closeMonth", closeMonth);
        append(query, "currency", currency);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
