package io.kervan.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stretch of a sort order that a search page walks first ({@link KeysetQuery#page}), read one owner at a
 * time: each visible owner's range of the owner index in the page's order, merged back into that order
 * (PostgreSQL's Merge Append reads each range only as far as the merge needs). A user who sees one team's records
 * walks only those, not the whole order with the others' records skipped: a sales rep sees an eighth of the
 * contacts and walked eight times the admin's entries for the same hits.
 *
 * <p>The merged stretch is bounded by {@code :keysetWalk} like the single walk, so a rare word stops there whatever
 * plan PostgreSQL picks for the prepared statement; round 5's ranges had no bound and walked every range to its
 * end for a typo with no match, 163 ms (docs/benchmarks.md). The table needs an index on
 * {@code (owner_id, <sort column>, id)} that includes {@code visible_to_team} and the columns the page's conditions
 * test, so that each range is an index-only scan (V0083, V0084, V0085).
 */
public final class OwnerRangeWalk {

    /**
     * Above this many owners (a manager of several teams) the single walk serves, as before. A limit on the
     * statement's size and on the ranges the merge opens, not a measured break-even: the benchmark's users see
     * six owners or all of them.
     */
    static final int MAX_RANGES = 32;

    private OwnerRangeWalk() {
    }

    /** Whether a walk over {@code ranges} is worth it: {@code null} ranges mean the user sees every record. */
    public static boolean serves(OwnerRanges ranges) {
        return ranges != null && ranges.size() > 0 && ranges.size() <= MAX_RANGES;
    }

    /**
     * The stretch as a subquery aliased {@code alias}: the first {@code :keysetWalk} rows after {@code after} of
     * the owners' ranges of {@code table}, in {@code order}. Binds {@code :keysetOwner0…n} into {@code bind}; the
     * caller binds {@code :keysetWalk} and whatever {@code after} needs.
     */
    public static String stretch(String table, String alias, String order, String after, OwnerRanges ranges,
            Map<String, Object> bind) {
        List<UUID> owners = new ArrayList<>(ranges.full());
        owners.addAll(ranges.teamOnly());
        List<String> branches = new ArrayList<>();
        for (int n = 0; n < owners.size(); n++) {
            bind.put("keysetOwner" + n, owners.get(n));
            String visible = n < ranges.full().size() ? "" : " and " + alias + ".visible_to_team";
            branches.add("(select * from " + table + " " + alias + " where " + alias + ".owner_id = :keysetOwner" + n
                    + visible + " and " + after + " order by " + order + " limit :keysetWalk)");
        }
        return "(select * from (" + String.join(" union all ", branches) + ") " + alias + " order by " + order
                + " limit :keysetWalk) " + alias;
    }
}
