package io.kervan.products;

import io.kervan.shared.RecordChanged;
import io.kervan.shared.TurkishText;
import io.kervan.shared.imports.ImportMatch;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the imports module needs beyond {@link ProductService}: finding the products an import row
 * matches (by code or name), and removing a product an import created when the import is undone.
 */
@Service
public class ProductImports {

    public static final List<String> MATCH_KEYS = List.of("code", "name");

    private final JdbcClient jdbc;
    private final CatalogueAccess access;
    private final ApplicationEventPublisher events;

    ProductImports(JdbcClient jdbc, CatalogueAccess access, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<ImportMatch> findForImport(String key, String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String v = value.strip();
        return switch (key) {
            case "code" -> matches("lower(code) = lower(:v)", v);
            case "name" -> matches("sort_name = :v", TurkishText.sortKey(v));
            default -> throw new IllegalArgumentException("Unknown match key " + key);
        };
    }

    private List<ImportMatch> matches(String condition, String value) {
        return jdbc.sql("select id, version from products where " + condition + " order by created_at limit 5")
                .param("v", value).query((rs, n) -> new ImportMatch(rs.getObject(1, UUID.class), rs.getLong(2)))
                .list();
    }

    /** Deletes a product an import created if unchanged since; false when it changed (then it is kept). */
    @Transactional
    public boolean deleteImported(UUID id, long expectedVersion) {
        UUID actor = access.requireCatalogueManager();
        boolean deleted = jdbc.sql("delete from products where id = :id and version = :version").param("id", id)
                .param("version", expectedVersion).update() == 1;
        if (deleted) {
            events.publishEvent(RecordChanged.of(ProductService.RECORD_TYPE, id, RecordChanged.Action.DELETED, actor,
                    List.of()));
        }
        return deleted;
    }
}
