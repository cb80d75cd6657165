package io.kervan.companies;

import io.kervan.identity.OwnedImportedRecords;
import io.kervan.identity.Visibility;
import io.kervan.shared.PhoneNumbers;
import io.kervan.shared.TurkishText;
import io.kervan.shared.imports.ImportMatch;
import io.kervan.shared.imports.ImportRemoval;
import java.util.Collection;
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

    private final OwnedImportedRecords records;

    CompanyImports(JdbcClient jdbc, Visibility visibility, ApplicationEventPublisher events) {
        this.records = new OwnedImportedRecords(jdbc, visibility, events, "companies", CompanyService.RECORD_TYPE,
                "company");
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
            case "taxNumber" -> records.matches("tax_number = :v", v.replaceAll("[\\s-]", ""));
            case "email" -> records.matches("email = :v", v.toLowerCase(Locale.ROOT));
            case "phone" -> records.matches("phone = :v", PhoneNumbers.toE164(v).orElse(v));
            case "externalId" -> records.matches("external_source = '" + EXTERNAL_SOURCE + "' and external_id = :v", v);
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
