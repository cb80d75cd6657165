package io.kervan.identity;

import io.kervan.shared.OwnerRanges;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What one user may see and change among owned records (companies, contacts, and later leads and
 * deals). Made by {@link Visibility}; applied by every module to single records
 * ({@link #canView}, {@link #canEdit}) and to list, search and export SQL ({@link #sqlPredicate}).
 *
 * @param fullOwners owners whose records the user sees regardless of the team flag
 * @param teamOwners owners whose records the user sees only when the record is visible to the team
 * @param editableOwners owners whose records the user may change
 */
public record VisibilityScope(UUID userId, Role role, boolean seesAll, boolean editsAll, Set<UUID> fullOwners,
        Set<UUID> teamOwners, Set<UUID> editableOwners) {

    public boolean canView(UUID ownerId, boolean visibleToTeam) {
        return seesAll || fullOwners.contains(ownerId) || (visibleToTeam && teamOwners.contains(ownerId));
    }

    public boolean canEdit(UUID ownerId) {
        return editsAll || editableOwners.contains(ownerId);
    }

    /** Whether the user may create records at all (read-only roles may not). */
    public boolean canCreate() {
        return editsAll || !editableOwners.isEmpty();
    }

    /**
     * A SQL condition over a table with {@code owner_id} and {@code visible_to_team} columns, to be
     * combined with {@code and}; bind {@link #sqlParameters()} with it.
     */
    public String sqlPredicate(String alias) {
        if (seesAll) {
            return "true";
        }
        return "(" + alias + ".owner_id = any(:visFullOwners) or (" + alias + ".visible_to_team and " + alias
                + ".owner_id = any(:visTeamOwners)))";
    }

    /**
     * The same set of records as {@link #sqlPredicate}, one range per owner, for walks that read each owner's
     * records on their own ({@code KeysetQuery#ownerRanges}); {@code null} when the user sees every record.
     */
    public OwnerRanges ownerRanges() {
        return seesAll ? null : OwnerRanges.of(fullOwners, teamOwners);
    }

    public Map<String, Object> sqlParameters() {
        Map<String, Object> params = new HashMap<>();
        if (!seesAll) {
            params.put("visFullOwners", fullOwners.toArray(UUID[]::new));
            params.put("visTeamOwners", teamOwners.toArray(UUID[]::new));
        }
        return params;
    }
}
