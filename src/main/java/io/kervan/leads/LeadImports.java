package io.kervan.leads;

import io.kervan.identity.OwnedImportedRecords;
import io.kervan.identity.Visibility;
import io.kervan.shared.EmailAddresses;
import io.kervan.shared.PhoneNumbers;
import io.kervan.shared.imports.ImportMatch;
import io.kervan.shared.imports.ImportRemoval;
import java.util.Collection;
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

    private final OwnedImportedRecords records;

    LeadImports(JdbcClient jdbc, Visibility visibility, ApplicationEventPublisher events) {
        this.records = new OwnedImportedRecords(jdbc, visibility, events, "leads", LeadService.RECORD_TYPE, "lead");
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
            case "externalId" -> records.matches("external_source = '" + EXTERNAL_SOURCE + "' and external_id = :v", v);
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
