package io.kervan.imports;

import io.kervan.imports.reading.TableRow;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.imports.ImportMatch;
import java.util.ArrayList;
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
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            pending.add(i);
        }
        while (!pending.isEmpty()) {
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
            RowOutcome[] results = round(round);
            for (int r = 0; r < round.size(); r++) {
                if (results[r] == null) {
                    later.add(positions.get(r));
                } else {
                    outcomes[positions.get(r)] = results[r];
                    rows.remember(round.get(r), results[r]);
                }
            }
            later.sort(null);
            pending = later;
        }
        return List.of(outcomes);
    }

    /** The outcomes of rows with distinct keys; {@code null} for a row that must wait for the next round. */
    private RowOutcome[] round(List<RowProcessor.Prepared> round) {
        RowOutcome[] outcomes = new RowOutcome[round.size()];
        Map<String, List<ImportMatch>> found = matchOn == null ? Map.of()
                : target.findAll(matchOn, round.stream().map(rows::keyValue).filter(Objects::nonNull).toList());
        ImportMatch[] existing = new ImportMatch[round.size()];
        boolean[] waits = new boolean[round.size()];
        Set<UUID> claimed = new HashSet<>();
        for (int r = 0; r < round.size(); r++) {
            String keyValue = rows.keyValue(round.get(r));
            RowProcessor.Matched matched = rows.matched(round.get(r),
                    keyValue == null ? List.of() : found.getOrDefault(keyValue, List.of()));
            if (matched.decided() != null) {
                outcomes[r] = matched.decided();
            } else if (matched.existing() != null && !claimed.add(matched.existing().id())) {
                waits[r] = true;
            } else {
                existing[r] = matched.existing();
            }
        }
        Map<UUID, D> stored = target.loadAll(claimed);
        List<Integer> writing = new ArrayList<>();
        List<BatchImportTarget.Write<D>> writes = new ArrayList<>();
        for (int r = 0; r < round.size(); r++) {
            RowProcessor.Prepared row = round.get(r);
            if (waits[r] || outcomes[r] != null) {
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
        write(round, writing, writes, existing, stored, outcomes);
        return outcomes;
    }

    private void write(List<RowProcessor.Prepared> round, List<Integer> writing, List<BatchImportTarget.Write<D>> writes,
            ImportMatch[] existing, Map<UUID, D> stored, RowOutcome[] outcomes) {
        if (writes.isEmpty()) {
            return;
        }
        List<BatchImportTarget.Written> written = savepoint.execute(status -> {
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
                outcomes[r] = rows.created(row, written.get(w).match());
            } else {
                outcomes[r] = rows.updated(row, written.get(w).match(), stored.get(existing[r].id()));
            }
        }
    }
}
