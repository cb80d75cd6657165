package io.kervan.shared;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The owners whose records a user may see, in the form a walk one owner at a time needs: every record of the
 * {@code full} owners, and the records of the {@code teamOnly} owners that are visible to the team. The same set
 * as the visibility's SQL condition ({@code identity.VisibilityScope#sqlPredicate}), split by owner so that
 * {@link KeysetQuery#ownerRanges} can read each owner's part of an index on its own. The SQL depends only on how
 * many owners each list holds; the lists are sorted so that the same user's walk binds the same owners in the same
 * order every time, whatever order the sets they came from iterate in.
 */
public record OwnerRanges(List<UUID> full, List<UUID> teamOnly) {

    public OwnerRanges {
        full = full.stream().sorted().toList();
        Set<UUID> fullSet = Set.copyOf(full);
        teamOnly = teamOnly.stream().filter(owner -> !fullSet.contains(owner)).sorted().toList();
    }

    public static OwnerRanges of(Collection<UUID> full, Collection<UUID> team) {
        return new OwnerRanges(List.copyOf(full), List.copyOf(team));
    }

    /**
     * The ranges a list filtered to one owner needs: that owner's alone (none when the user may not see the owner's
     * records), or these ranges unchanged when {@code owner} is null. Null-safe: null ranges (the user sees every
     * record) stay null.
     */
    public static OwnerRanges narrowed(OwnerRanges ranges, UUID owner) {
        if (ranges == null || owner == null) {
            return ranges;
        }
        return new OwnerRanges(ranges.full.contains(owner) ? List.of(owner) : List.of(),
                ranges.teamOnly.contains(owner) ? List.of(owner) : List.of());
    }

    /** How many owners' ranges a walk reads. */
    public int size() {
        return full.size() + teamOnly.size();
    }
}
