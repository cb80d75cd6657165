package io.kervan.contacts;

import io.kervan.identity.OwnedImportedRecords;
import io.kervan.identity.Visibility;
import io.kervan.identity.VisibilityScope;
import io.kervan.shared.EmailAddresses;
import io.kervan.shared.PhoneNumbers;
import io.kervan.shared.imports.BatchResult;
import io.kervan.shared.imports.ImportMatch;
import io.kervan.shared.imports.ImportRemoval;
import java.sql.ResultSet;
import java.util.ArrayList;
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
 * What the imports module needs beyond {@link ContactService}: finding the contacts an import row
 * matches, and removing a contact an import created when the import is undone. One row at a time,
 * creating and updating go through {@link ContactService}, with all its rules; the bulk path
 * ({@link #findAllForImport}, {@link #loadForImport}, {@link #importBatch}) applies the same rules to a
 * whole batch with shared reads, JDBC batch writes and one {@link io.kervan.shared.RecordsChanged} event.
 */
@Service
public class ContactImports {

    /** The keys an import may match contacts on. */
    public static final List<String> MATCH_KEYS = List.of("email", "phone", "externalId");
    /** The external source under which imported external ids are kept. */
    public static final String EXTERNAL_SOURCE = "import";

    private final JdbcClient jdbc;
    private final Visibility visibility;
    private final OwnedImportedRecords records;
    private final ContactBatchRepository batches;
    private final ContactBatchWriter writer;

    ContactImports(JdbcClient jdbc, Visibility visibility, ApplicationEventPublisher events,
            ContactBatchRepository batches, ContactBatchWriter writer) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.records = new OwnedImportedRecords(jdbc, visibility, events, "contacts", ContactService.RECORD_TYPE,
                "contact");
        this.batches = batches;
        this.writer = writer;
    }

    /**
     * One contact of a batch to write.
     *
     * @param existing the contact to update with the version it must still have; {@code null} to create one
     * @param externalId kept under {@link #EXTERNAL_SOURCE} on a created contact, may be {@code null}
     */
    public record BatchItem(ContactDraft draft, ImportMatch existing, String externalId) {
    }


    /**
     * {@link #findForImport} for many values in one query.
     *
     * @return the matches of each value that has any, keyed by the value as given
     */
    @Transactional(readOnly = true)
    public Map<String, List<ImportMatch>> findAllForImport(String key, Collection<String> values) {
        Map<String, List<String>> givenByNormalized = new HashMap<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                givenByNormalized.computeIfAbsent(normalized(key, value.strip()), k -> new ArrayList<>()).add(value);
            }
        }
        if (givenByNormalized.isEmpty()) {
            return Map.of();
        }
        String sql = switch (key) {
            case "email" -> """
                    select e.email, c.id, c.version from contact_emails e join contacts c on c.id = e.contact_id
                     where e.email = any(:values) order by c.created_at""";
            case "phone" -> """
                    select p.phone, c.id, c.version from contact_phones p join contacts c on c.id = p.contact_id
                     where p.phone = any(:values) order by c.created_at""";
            case "externalId" -> """
                    select external_id, id, version from contacts
                     where external_source = '""" + EXTERNAL_SOURCE + "' and external_id = any(:values) order by created_at";
            default -> throw new IllegalArgumentException("Unknown match key " + key);
        };
        Map<String, List<ImportMatch>> found = new HashMap<>();
        jdbc.sql(sql).param("values", givenByNormalized.keySet().toArray(String[]::new)).query((ResultSet rs) -> {
            ImportMatch match = new ImportMatch(rs.getObject(2, UUID.class), rs.getLong(3));
            for (String given : givenByNormalized.get(rs.getString(1))) {
                List<ImportMatch> matches = found.computeIfAbsent(given, k -> new ArrayList<>());
                if (!matches.contains(match)) {
                    matches.add(match);
                }
            }
        });
        return found;
    }

    private static String normalized(String key, String value) {
        return switch (key) {
            case "email" -> EmailAddresses.normalize(value).orElse(value);
            case "phone" -> PhoneNumbers.toE164(value).orElse(value);
            default -> value;
        };
    }

    /** The drafts of the stored contacts among {@code ids} that the signed-in user may see, by id. */
    @Transactional(readOnly = true)
    public Map<UUID, ContactDraft> loadForImport(Collection<UUID> ids) {
        VisibilityScope scope = visibility.current();
        Map<UUID, ContactDraft> drafts = new HashMap<>();
        batches.findAll(ids).values().stream().filter(c -> scope.canView(c.ownerId(), c.visibleToTeam()))
                .forEach(c -> drafts.put(c.id(), c.toDraft()));
        return drafts;
    }

    /**
     * Creates and updates the batch's contacts with the rules of {@link ContactService#create} and
     * {@link ContactService#update}; an item those rules refuse is answered with the refusal and the others
     * are still written. The changes go out as one {@link io.kervan.shared.RecordsChanged}, which the
     * audit trail records as one entry per contact. A database constraint that fails (a conflict with a
     * concurrent writer) throws and writes nothing: the caller then retries the batch item by item.
     *
     * @return one result per item, in the items' order
     */
    @Transactional
    public List<BatchResult> importBatch(List<BatchItem> items) {
        return items.isEmpty() ? List.of() : writer.write(items);
    }

    /** Contacts whose key (any of their e-mails or phones) equals {@code value} once normalised. */
    @Transactional(readOnly = true)
    public List<ImportMatch> findForImport(String key, String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String v = value.strip();
        return switch (key) {
            case "email" -> records.matches("id in (select contact_id from contact_emails where email = :v)",
                    EmailAddresses.normalize(v).orElse(v));
            case "phone" -> records.matches("id in (select contact_id from contact_phones where phone = :v)",
                    PhoneNumbers.toE164(v).orElse(v));
            case "externalId" -> records.matches("external_source = '" + EXTERNAL_SOURCE + "' and external_id = :v", v);
            default -> throw new IllegalArgumentException("Unknown match key " + key);
        };
    }

    /**
     * Deletes a contact an import created, if it is still as the import left it.
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
