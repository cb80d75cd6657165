package io.kervan.products;

import io.kervan.shared.TurkishText;
import io.kervan.shared.imports.ImportMatch;
import io.kervan.shared.imports.ImportedRecords;
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

    private final CatalogueAccess access;
    private final ImportedRecords records;

    ProductImports(JdbcClient jdbc, CatalogueAccess access, ApplicationEventPublisher events) {
        this.access = access;
        this.records = new ImportedRecords(jdbc, events, "products", ProductService.RECORD_TYPE);
    }

    @Transactional(readOnly = true)
    public List<ImportMatch> findForImport(String key, String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String v = value.strip();
        return switch (key) {
            case "code" -> records.matches("lower(code) = lower(:v)", v);
            case "name" -> records.matches("sort_name = :v", TurkishText.sortKey(v));
            default -> throw new IllegalArgumentException("Unknown match key " + key);
        };
    }

    /** Deletes a product an import created if unchanged since; false when it changed (then it is kept). */
    @Transactional
    public boolean deleteImported(UUID id, long expectedVersion) {
        // products have no owner: whoever manages the catalogue may undo their import
        return records.delete(id, expectedVersion, access.requireCatalogueManager());
    }
}
