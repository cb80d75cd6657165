package io.kervan.products;

import io.kervan.shared.Rows;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of products, with optimistic locking on {@code version}. */
@Repository
class ProductRepository {

    static final String COLUMNS = """
            id, code, name, description, unit, unit_price, currency, vat_rate, active, aliases, created_at,
            updated_at, created_by, updated_by, version""";

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ProductDetails> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from products where id = :id").param("id", id)
                .query(ProductRepository::map).optional();
    }

    Optional<ProductDetails> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from products where lower(code) = lower(:code)").param("code", code)
                .query(ProductRepository::map).optional();
    }

    /** Products whose folded search text contains {@code folded} (candidates for an exact name match). */
    List<ProductDetails> containingFolded(String folded, int max) {
        String like = "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("select " + COLUMNS + " from products where search_text like :like order by active desc, id limit :max")
                .param("like", like).param("max", max).query(ProductRepository::map).list();
    }

    /** Which of the given ids are products (for validating price list items). */
    List<UUID> existing(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from products where id = any(:ids)").param("ids", ids.toArray(UUID[]::new))
                .query(UUID.class).list();
    }

    void insert(UUID id, ProductDraft product, UUID actorId) {
        jdbc.sql("""
                insert into products (id, code, name, description, unit, unit_price, currency, vat_rate, active,
                    aliases, search_text, sort_name, created_at, updated_at, created_by, updated_by, version)
                values (:id, :code, :name, :description, :unit, :unitPrice, :currency, :vatRate, :active, :aliases,
                    :searchText, :sortName, :now, :now, :actor, :actor, 0)""")
                .params(fields(product)).param("id", id).param("now", Timestamp.from(Instant.now()))
                .param("actor", actorId).update();
    }

    boolean update(UUID id, ProductDraft product, UUID actorId, long expectedVersion) {
        return jdbc.sql("""
                update products set code = :code, name = :name, description = :description, unit = :unit,
                    unit_price = :unitPrice, currency = :currency, vat_rate = :vatRate, active = :active,
                    aliases = :aliases, search_text = :searchText, sort_name = :sortName, updated_at = now(),
                    updated_by = :actor, version = version + 1
                 where id = :id and version = :version""")
                .params(fields(product)).param("id", id).param("actor", actorId).param("version", expectedVersion)
                .update() == 1;
    }

    private static Map<String, Object> fields(ProductDraft p) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("code", p.code());
        fields.put("name", p.name());
        fields.put("description", p.description());
        fields.put("unit", p.unit());
        fields.put("unitPrice", p.unitPrice());
        fields.put("currency", p.currency());
        fields.put("vatRate", p.vatRate());
        fields.put("active", p.active());
        fields.put("aliases", p.aliases().toArray(String[]::new));
        fields.put("searchText", ProductRules.searchText(p));
        fields.put("sortName", ProductRules.sortName(p));
        return fields;
    }

    static ProductDetails map(ResultSet rs, int row) throws SQLException {
        return new ProductDetails(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                rs.getString("description"), rs.getString("unit"), rs.getObject("unit_price", BigDecimal.class),
                rs.getString("currency"), rs.getInt("vat_rate"), rs.getBoolean("active"), strings(rs.getArray("aliases")),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"), rs.getObject("created_by", UUID.class),
                rs.getObject("updated_by", UUID.class), rs.getLong("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
