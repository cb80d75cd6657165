package io.kervan.companies;

import io.kervan.identity.OwnedImportedRecords;
import io.kervan.identity.Visibility;
import io.kervan.identity.VisibilityScope;
import io.kervan.shared.PhoneNumbers;
import io.kervan.shared.TurkishText;
import io.kervan.shared.imports.BatchResult;
import io.kervan.shared.imports.ImportMatch;
import io.kervan.shared.imports.ImportRemoval;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the imports module needs beyond {@link CompanyService}: finding the companies an import row
 * matches, and removing a company an import created when the import is undone. Creating and updating
 * go through {@link CompanyService}, with all its rules.
 */
@Service
public class CompanyImports {

    /** The keys an import may match companies on. */
    public static final List<String> MATCH_KEYS = List.of("name", "taxNumber", "email", "phone", "externalId");
    /** The external source under which imported external ids are kept. */
    public static final String EXTERNAL_SOURCE = "import";
    private static final String EXTERNAL_CONDITION = "external_source = '" + EXTERNAL_SOURCE + "'";

    private final OwnedImportedRecords records;
    private final Visibility visibility;
    private final CompanyRepository companies;
    private final CompanyBatchWriter writer;

    CompanyImports(JdbcClient jdbc, Visibility visibility, ApplicationEventPublisher events,
            CompanyRepository companies, CompanyBatchWriter writer) {
        this.visibility = visibility;
        this.companies = companies;
        this.writer = writer;
        this.records = new OwnedImportedRecords(jdbc, visibility, events, "companies", CompanyService.RECORD_TYPE,
                "company");
    }

    /** A company an import row describes: to create, or to update when {@code existing} is given. */
    public record BatchItem(CompanyDraft draft, ImportMatch existing, String externalId) {
    }


    /**
     * {@link #findForImport} for many values in one query.
     *
     * @return the matches of each value that has any, keyed by the value as given
     */
    @Transactional(readOnly = true)
    public Map<String, List<ImportMatch>> findAllForImport(String key, Collection<String> values) {
        return switch (key) {
            case "name" -> records.matchesAll("sort_name", null, values, TurkishText::sortKey);
            case "taxNumber" -> records.matchesAll("tax_number", null, values, CompanyImports::taxNumber);
            case "email" -> records.matchesAll("email", null, values, v -> v.toLowerCase(Locale.ROOT));
            case "phone" -> records.matchesAll("phone", null, values, v -> PhoneNumbers.toE164(v).orElse(v));
            case "externalId" -> records.matchesAll("external_id", EXTERNAL_CONDITION, values, v -> v);
            default -> throw new IllegalArgumentException("Unknown match key " + key);
        };
    }

    private static String taxNumber(String value) {
        return value.replaceAll("[\\s-]", "");
    }

    /** The drafts of the stored companies among {@code ids} that the signed-in user may see, by id (one query). */
    @Transactional(readOnly = true)
    public Map<UUID, CompanyDraft> loadForImport(Collection<UUID> ids) {
        VisibilityScope scope = visibility.current();
        Map<UUID, CompanyDraft> drafts = new HashMap<>();
        companies.findAll(ids).values().stream().filter(c -> scope.canView(c.ownerId(), c.visibleToTeam()))
                .forEach(c -> drafts.put(c.id(), c.toDraft()));
        return drafts;
    }

    /**
     * Creates and updates the batch's companies with the rules of {@link CompanyService#create} and
     * {@link CompanyService#update}; an item those rules refuse is answered with the refusal and the others are
     * still written, with one {@link io.kervan.shared.RecordsChanged} for the audit trail. A database constraint
     * that fails throws and writes nothing: the caller then retries the batch item by item.
     *
     * @return one result per item, in the items' order
     */
    @Transactional
    public List<BatchResult> importBatch(List<BatchItem> items) {
        return items.isEmpty() ? List.of() : writer.write(items);
    }

    /** Unarchived and archived companies whose {@code key} equals {@code value} (names compare as Turkish-folded). */
    @Transactional(readOnly = true)
    public List<ImportMatch> findForImport(String key, String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String v = value.strip();
        return switch (key) {
            case "name" -> records.matches("sort_name = :v", TurkishText.sortKey(v));
            case "taxNumber" -> records.matches("tax_number = :v", taxNumber(v));
            case "email" -> records.matches("email = :v", v.toLowerCase(Locale.ROOT));
            case "phone" -> records.matches("phone = :v", PhoneNumbers.toE164(v).orElse(v));
            case "externalId" -> records.matches(EXTERNAL_CONDITION + " and external_id = :v", v);
            default -> throw new IllegalArgumentException("Unknown match key " + key);
        };
    }

    /**
     * Deletes a company an import created, if it is still as the import left it.
     *
     * @return false when it changed since (its version moved on): it is then kept
     * @throws org.springframework.dao.DataIntegrityViolationException when other records refer to it
     */
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
