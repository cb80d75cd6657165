package io.kervan.imports;

import io.kervan.imports.reading.TableRow;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.imports.BatchResult;
import io.kervan.shared.imports.ImportMatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bulk path of one batch: the same decisions as {@link RowProcessor#process} row by row, but with the
 * batch's keys looked up in one query, its stored records read in one, and its writes handed to the
 * module together ({@link BatchImportTarget#writeAll}), in one savepoint.
 *
 * <p>Rows are taken in rounds so that the result is what row-by-row processing gives: a row whose key, or
 * whose matched record, an earlier row of the round already has waits for the next round — it then sees
 * the earlier row's outcome (a repeat, or the record as that row left it). A record the module refuses
 * fails alone (the module answers each row). If the database refuses the batch as a whole (a constraint
 * met concurrently), the savepoint is rolled back and the round goes row by row, each in its own savepoint.
 *
 * <p>A batch can also be planned ahead ({@link #planAhead}) while the batch before it is still being written:
 * its rows read and checked, their keys looked up, their records loaded and their drafts made, outside the
 * writing transaction. {@link #process(List, Plan)} then writes the plan only if nothing it rests on has moved:
 * the same keys still match the same records at the same versions, and no key of it was imported meanwhile.
 * Otherwise the batch is decided again in the transaction, as without a plan.
 */
final class BulkRows<D> {

    private final RowProcessor<D> rows;
    private final BatchImportTarget<D> target;
    private final TransactionTemplate savepoint;
    private final String matchOn;

    BulkRows(RowProcessor<D> rows, BatchImportTarget<D> target, TransactionTemplate savepoint, String matchOn) {
        this.rows = rows;
        this.target = target;
        this.savepoint = savepoint;
        this.matchOn = matchOn;
    }

    List<RowOutcome> process(List<TableRow> batch) {
        RowOutcome[] outcomes = new RowOutcome[batch.size()];
        List<Integer> pending = positions(batch);
        while (!pending.isEmpty()) {
            pending = round(batch, pending, outcomes);
        }
        return List.of(outcomes);
    }

    /** Every row's position in the batch: 0, 1, 2 … */
    private static List<Integer> positions(List<TableRow> batch) {
        List<Integer> positions = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            positions.add(i);
        }
        return positions;
    }

    /** Decides and writes one round of the pending rows; answers the rows that wait for the next round. */
    private List<Integer> round(List<TableRow> batch, List<Integer> pending, RowOutcome[] outcomes) {
        Round round = prepare(batch, pending, outcomes);
        Decided<D> decided = decide(round.rows());
        write(decided);
        List<Integer> later = round.later();
        for (int r = 0; r < round.rows().size(); r++) {
            if (decided.outcomes()[r] == null) {
                later.add(round.positions().get(r));
            } else {
                outcomes[round.positions().get(r)] = decided.outcomes()[r];
                rows.remember(round.rows().get(r), decided.outcomes()[r]);
            }
        }
        later.sort(null);
        return later;
    }

    /**
     * The rows of a round: those of {@code pending} whose key no earlier row of the round has. Rows decided by
     * their values alone get their outcome in {@code outcomes}; rows with a repeated key wait ({@code later}).
     */
    private Round prepare(List<TableRow> batch, List<Integer> pending, RowOutcome[] outcomes) {
        List<Integer> later = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<RowProcessor.Prepared> round = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i : pending) {
            RowProcessor.Prepared prepared = rows.prepare(batch.get(i));
            if (prepared.decided() != null) {
                outcomes[i] = prepared.decided();
            } else if (prepared.normalizedKey() != null && !keys.add(prepared.normalizedKey())) {
                later.add(i);
            } else {
                positions.add(i);
                round.add(prepared);
            }
        }
        return new Round(round, positions, later);
    }

    private record Round(List<RowProcessor.Prepared> rows, List<Integer> positions, List<Integer> later) {
    }

    /**
     * A batch decided ahead of its transaction: every row either has its outcome or is ready to be written.
     * Only batches that need one round are planned (no key, and no matched record, twice in the batch).
     */
    static final class Plan<D> {

        private final RowOutcome[] outcomes;
        private final Round round;
        private final Decided<D> decided;
        private final Set<String> touches;

        private Plan(RowOutcome[] outcomes, Round round, Decided<D> decided, Set<String> touches) {
            this.outcomes = outcomes;
            this.round = round;
            this.decided = decided;
            this.touches = touches;
        }

        /**
         * Everything the batch's outcome rests on or changes: its rows' keys (looked up, or compared for repeats),
         * the records it matched, and the keys its writes will answer to ({@link BatchImportTarget#identities}).
         * Two planned batches whose touches are disjoint come out the same written at once as one after the other.
         * {@code null} when the target does not name its writes' keys: such a batch is written alone.
         */
        Set<String> touches() {
            return touches;
        }
    }

    /**
     * Decides {@code batch} without writing: outside the transaction that will write it, while the batch before
     * it is written. {@code null} when the batch needs more than one round; it is then decided when written.
     */
    Plan<D> planAhead(List<TableRow> batch) {
        RowOutcome[] outcomes = new RowOutcome[batch.size()];
        Round round = prepare(batch, positions(batch), outcomes);
        if (!round.later().isEmpty()) {
            return null;
        }
        Decided<D> decided = decide(round.rows());
        return decided.waits() ? null : new Plan<>(outcomes, round, decided, touches(decided));
    }

    private Set<String> touches(Decided<D> decided) {
        if (!target.writesConcurrently() || !decided.alone().isEmpty()) {
            return null;
        }
        Set<String> touches = new HashSet<>();
        List<RowProcessor.Prepared> round = decided.round();
        for (int r = 0; r < round.size(); r++) {
            RowProcessor.Prepared row = round.get(r);
            if (row.normalizedKey() != null) {
                touches.add("repeat:" + row.normalizedKey());
            }
            String keyValue = rows.keyValue(row);
            if (keyValue != null) {
                touches.add(matchOn + ":" + target.normalizedKey(matchOn, keyValue));
            }
            if (decided.existing()[r] != null) {
                touches.add("record:" + decided.existing()[r].id());
            }
        }
        decided.writes().forEach(write -> touches.addAll(target.identities(write)));
        return touches;
    }

    /**
     * Writes a batch planned ahead, if the plan still holds: no key of its rows was imported since (by the batch
     * written meanwhile), and its keys match the same records, at the same versions, as when it was made.
     * Otherwise, or without a plan, decides the batch now.
     */
    List<RowOutcome> process(List<TableRow> batch, Plan<D> plan) {
        if (plan == null || !holds(plan)) {
            return process(batch);
        }
        return written(plan);
    }

    /** Writes a plan that {@link #holds}. */
    List<RowOutcome> written(Plan<D> plan) {
        write(plan.decided);
        RowOutcome[] outcomes = plan.outcomes;
        for (int r = 0; r < plan.round.rows().size(); r++) {
            outcomes[plan.round.positions().get(r)] = plan.decided.outcomes()[r];
            rows.remember(plan.round.rows().get(r), plan.decided.outcomes()[r]);
        }
        return List.of(outcomes);
    }

    /**
     * Whether a plan still holds: no key of its rows was imported since it was made, and its keys match the same
     * records, at the same versions.
     */
    boolean holds(Plan<D> plan) {
        for (RowProcessor.Prepared row : plan.round.rows()) {
            if (row.normalizedKey() != null && rows.seen(row.normalizedKey())) {
                return false;
            }
        }
        return asSets(find(plan.round.rows())).equals(asSets(plan.decided.found()));
    }

    private static Map<String, Set<ImportMatch>> asSets(Map<String, List<ImportMatch>> found) {
        Map<String, Set<ImportMatch>> sets = new HashMap<>();
        found.forEach((key, matches) -> sets.put(key, new HashSet<>(matches)));
        return sets;
    }

    private Map<String, List<ImportMatch>> find(List<RowProcessor.Prepared> round) {
        return matchOn == null ? Map.of()
                : target.findAll(matchOn, round.stream().map(rows::keyValue).filter(Objects::nonNull).toList());
    }

    /**
     * What becomes of each row of a round with distinct keys: its outcome, {@code null} when it waits for the
     * next round (its record is claimed by an earlier row), or the write it needs ({@code writing}, {@code writes};
     * {@code alone} for an update the target does not take in bulk).
     */
    private record Decided<D>(List<RowProcessor.Prepared> round, Map<String, List<ImportMatch>> found,
            RowOutcome[] outcomes, boolean waits, ImportMatch[] existing, Map<UUID, D> stored, List<Integer> writing,
            List<BatchImportTarget.Write<D>> writes, List<Integer> alone) {
    }

    /** Decides a round of rows with distinct keys: reads only (keys looked up, matched records loaded). */
    private Decided<D> decide(List<RowProcessor.Prepared> round) {
        RowOutcome[] outcomes = new RowOutcome[round.size()];
        Map<String, List<ImportMatch>> found = find(round);
        ImportMatch[] existing = new ImportMatch[round.size()];
        boolean[] waits = new boolean[round.size()];
        boolean anyWaits = false;
        Set<UUID> claimed = new HashSet<>();
        for (int r = 0; r < round.size(); r++) {
            String keyValue = rows.keyValue(round.get(r));
            RowProcessor.Matched matched = rows.matched(round.get(r),
                    keyValue == null ? List.of() : found.getOrDefault(keyValue, List.of()));
            if (matched.decided() != null) {
                outcomes[r] = matched.decided();
            } else if (matched.existing() != null && !claimed.add(matched.existing().id())) {
                waits[r] = true;
                anyWaits = true;
            } else {
                existing[r] = matched.existing();
            }
        }
        List<Integer> alone = new ArrayList<>();
        if (!target.writesUpdates()) {
            for (int r = 0; r < round.size(); r++) {
                if (existing[r] != null && !waits[r] && outcomes[r] == null) {
                    alone.add(r);
                    claimed.remove(existing[r].id());
                }
            }
        }
        Map<UUID, D> stored = target.loadAll(claimed);
        List<Integer> writing = new ArrayList<>();
        List<BatchImportTarget.Write<D>> writes = new ArrayList<>();
        for (int r = 0; r < round.size(); r++) {
            RowProcessor.Prepared row = round.get(r);
            if (waits[r] || outcomes[r] != null || alone.contains(r)) {
                continue;
            }
            D before = existing[r] == null ? null : stored.get(existing[r].id());
            if (existing[r] != null && before == null) {
                outcomes[r] = rows.refused(row, new RecordNotFoundException(target.recordType(), existing[r].id()));
                continue;
            }
            RowProcessor.Planned<D> planned = rows.plan(row, existing[r], before);
            if (planned.decided() != null) {
                outcomes[r] = planned.decided();
            } else {
                writing.add(r);
                writes.add(new BatchImportTarget.Write<>(planned.draft(), existing[r], rows.externalId(row.values())));
            }
        }
        return new Decided<>(round, found, outcomes, anyWaits, existing, stored, writing, writes, alone);
    }

    /** Writes a decided round; each written row's outcome goes into {@code decided.outcomes()}. */
    private void write(Decided<D> decided) {
        List<RowProcessor.Prepared> round = decided.round();
        List<Integer> writing = decided.writing();
        List<BatchImportTarget.Write<D>> writes = decided.writes();
        ImportMatch[] existing = decided.existing();
        Map<UUID, D> stored = decided.stored();
        RowOutcome[] outcomes = decided.outcomes();
        for (int r : decided.alone()) {
            outcomes[r] = rows.process(round.get(r).row());
        }
        if (writes.isEmpty()) {
            return;
        }
        List<BatchResult> written = savepoint.execute(status -> {
            try {
                return target.writeAll(writes);
            } catch (DataAccessException e) {
                status.setRollbackOnly();
                return null;
            }
        });
        for (int w = 0; w < writing.size(); w++) {
            int r = writing.get(w);
            RowProcessor.Prepared row = round.get(r);
            if (written == null) {
                // The batch as a whole met a constraint: nothing of it was kept, so each row goes alone.
                outcomes[r] = rows.process(row.row());
            } else if (written.get(w).refusal() != null) {
                outcomes[r] = rows.refused(row, written.get(w).refusal());
            } else if (existing[r] == null) {
                outcomes[r] = rows.created(row, written.get(w).written());
            } else {
                outcomes[r] = rows.updated(row, written.get(w).written(), stored.get(existing[r].id()));
            }
        }
    }
}
