package io.kervan.companies;

import io.kervan.identity.Visibility;
import io.kervan.identity.VisibilityScope;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.PhoneNumbers;
import io.kervan.shared.RecordChanged;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.TurkishText;
import io.kervan.shared.imports.ImportMatch;
import java.util.List;
import java.util.Locale;
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

    private final JdbcClient jdbc;
    private final Visibility visibility;
    private final ApplicationEventPublisher events;

    CompanyImports(JdbcClient jdbc, Visibility visibility, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.events = events;
    }

    /** Unarchived and archived companies whose {@code key} equals {@code value} (names compare as Turkish-folded). */
    @Transactional(readOnly = true)
    public List<ImportMatch> findForImport(String key, String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String v = value.strip();
        return switch (key) {
            case "name" -> matches("sort_name = :v", TurkishText.sortKey(v));
            case "taxNumber" -> matches("tax_number = :v", v.replaceAll("[\\s-]", ""));
            case "email" -> matches("email = :v", v.toLowerCase(Locale.ROOT));
            case "phone" -> matches("phone = :v", PhoneNumbers.toE164(v).orElse(v));
            case "externalId" -> matches("external_source = '" + EXTERNAL_SOURCE + "' and external_id = :v", v);
            default -> throw new IllegalArgumentException("Unknown match key " + key);
        };
    }

    private List<ImportMatch> matches(String condition, String value) {
        return jdbc.sql("select id, version from companies where " + condition + " order by created_at limit 5")
                .param("v", value).query((rs, n) -> new ImportMatch(rs.getObject(1, UUID.class), rs.getLong(2)))
                .list();
    }

    /**
     * Deletes a company an import created, if it is still as the import left it.
     *
     * @return false when it changed since (its version moved on): it is then kept
     * @throws org.springframework.dao.DataIntegrityViolationException when other records refer to it
     */
    @Transactional
    public boolean deleteImported(UUID id, long expectedVersion) {
        VisibilityScope scope = visibility.current();
        record Owner(UUID ownerId, boolean visibleToTeam) {
        }
        Owner owner = jdbc.sql("select owner_id, visible_to_team from companies where id = :id").param("id", id)
                .query((rs, n) -> new Owner(rs.getObject(1, UUID.class), rs.getBoolean(2))).optional()
                .filter(o -> scope.canView(o.ownerId(), o.visibleToTeam()))
                .orElseThrow(() -> new RecordNotFoundException(CompanyService.RECORD_TYPE, id));
        if (!scope.canEdit(owner.ownerId())) {
            throw new NotAllowedException("You may see this company but not change it");
        }
        boolean deleted = jdbc.sql("delete from companies where id = :id and version = :version").param("id", id)
                .param("version", expectedVersion).update() == 1;
        if (deleted) {
            events.publishEvent(RecordChanged.of(CompanyService.RECORD_TYPE, id, RecordChanged.Action.DELETED,
                    scope.userId(), List.of()));
        }
        return deleted;
    }
}
