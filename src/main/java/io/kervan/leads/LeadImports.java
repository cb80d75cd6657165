package io.kervan.leads;

import io.kervan.identity.OwnedImportedRecords;
import io.kervan.identity.Visibility;
import io.kervan.identity.VisibilityScope;
import io.kervan.shared.EmailAddresses;
import io.kervan.shared.PhoneNumbers;
import io.kervan.shared.imports.BatchResult;
import io.kervan.shared.imports.ImportMatch;
import io.kervan.shared.imports.ImportRemoval;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the imports module needs beyond {@link LeadService}: finding the leads an import row matches,
 * and removing a lead an import created when the import is undone.
 */
@Service
public class LeadImports {

    public static final List<String> MATCH_KEYS = List.of("email", "phone", "externalId");
    public static final String EXTERNAL_SOURCE = "import";
    private static final String EXTERNAL_CONDITION = "external_source = '" + EXTERNAL_SOURCE + "'";

    private final OwnedImportedRecords records;
    private final Visibility visibility;
    private final LeadRepository leads;
    private final LeadBatchWriter writer;

    LeadImports(JdbcClient jdbc, Visibility visibility, ApplicationEventPublisher events, LeadRepository leads,
            LeadBatchWriter writer) {
        this.visibility = visibility;
        this.leads = leads;
        this.writer = writer;
        this.records = new OwnedImportedRecords(jdbc, visibility, events, "leads", LeadService.RECORD_TYPE, "lead");
    }

    /** A lead an import row describes: to create, or to update when {@code existing} is given. */
    public record BatchItem(LeadDraft draft, ImportMatch existing, String externalId) {
    }


    /**
     * {@link #findForImport} for many values in one query.
     *
     * @return the matches of each value that has any, keyed by the value as given
     */
    @Transactional(readOnly = true)
    public Map<String, List<ImportMatch>> findAllForImport(String key, Collection<String> values) {
        return switch (key) {
            case "email" -> records.matchesAll("email", null, values, v -> EmailAddresses.normalize(v).orElse(v));
            case "phone" -> records.matchesAll("phone", null, values, v -> PhoneNumbers.toE164(v).orElse(v));
            case "externalId" -> records.matchesAll("external_id", EXTERNAL_CONDITION, values, v -> v);
            default -> throw new IllegalArgumentException("Unknown match key " + key);
        };
    }


    /** The drafts of the stored leads among {@code ids} that the signed-in user may see, by id (one query). */
    @Transactional(readOnly = true)
    public Map<UUID, LeadDraft> loadForImport(Collection<UUID> ids) {
        VisibilityScope scope = visibility.current();
        Map<UUID, LeadDraft> drafts = new HashMap<>();
        leads.findAll(ids).values().stream().filter(l -> scope.canView(l.ownerId(), l.visibleToTeam()))
                .forEach(l -> drafts.put(l.id(), l.toDraft()));
        return drafts;
    }

    /**
     * Creates and updates the batch's leads with the rules of {@link LeadService#create} and
     * {@link LeadService#update}; an item those rules refuse is answered with the refusal and the others are still
     * written, with one {@link io.kervan.shared.RecordsChanged} for the audit trail. A database constraint that
     * fails throws and writes nothing: the caller then retries the batch item by item.
     *
     * @return one result per item, in the items' order
     */
    @Transactional
    public List<BatchResult> importBatch(List<BatchItem> items) {
        return items.isEmpty() ? List.of() : writer.write(items);
    }

    @Transactional(readOnly = true)
    public List<ImportMatch> findForImport(String key, String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String v = value.strip();
        return switch (key) {
            case "email" -> records.matches("email = :v", EmailAddresses.normalize(v).orElse(v));
            case "phone" -> records.matches("phone = :v", PhoneNumbers.toE164(v).orElse(v));
            case "externalId" -> records.matches(EXTERNAL_CONDITION + " and external_id = :v", v);
            default -> throw new IllegalArgumentException("Unknown match key " + key);
        };
    }

    /** Deletes a lead an import created if unchanged since; false when it changed (then it is kept). */
    @Transactional
    public boolean deleteImported(UUID id, long expectedVersion) {
        return records.deleteImported(id, expectedVersion);
    }

    /** {@link #deleteImported} for many records at once, for the undo of a large import; one event for all. */
    @Transactional
    public Map<UUID, ImportRemoval> deleteAllImported(Collection<ImportMatch> imported) {
        return imported.isEmpty() ? Map.of() : records.deleteAllImported(imported);
    }
}
