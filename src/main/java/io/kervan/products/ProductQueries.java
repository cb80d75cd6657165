package io.kervan.products;

import io.kervan.shared.Keyset;
import io.kervan.shared.SearchQuery;
import io.kervan.shared.SearchWords;
import io.kervan.shared.Slice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Product lists and search: keyset pages over the catalogue (every signed-in user sees all of it). */
@Component
class ProductQueries {

    static final Keyset.Column NAME = new Keyset.Column("name", "p.sort_name", Keyset.Kind.TEXT);
    static final Keyset.Column CODE = new Keyset.Column("code", "(lower(p.code) collate \"C\")", Keyset.Kind.TEXT);
    static final Keyset.Column UPDATED = new Keyset.Column("updatedAt", "p.updated_at", Keyset.Kind.TIMESTAMP);
    static final List<Keyset.Column> SORTABLE = List.of(NAME, CODE, UPDATED);
    static final Keyset.Sort DEFAULT_SORT = new Keyset.Sort(NAME, false);

    private final JdbcClient jdbc;
    private final SearchWords searchWords;

    ProductQueries(JdbcClient jdbc, SearchWords searchWords) {
        this.jdbc = jdbc;
        this.searchWords = searchWords;
    }

    /** @param active {@code null} for all products, else only active or only inactive ones */
    Slice<ProductSummary> list(String query, Boolean active, Keyset.Sort sort, Keyset.Cursor cursor, int limit) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        conditions.add("true");
        SearchQuery search = searchWords.parse("products", query);
        if (search != null) {
            conditions.add(search.sqlPredicate("p"));
            params.putAll(search.parameters());
        }
        if (active != null) {
            conditions.add("p.active = :active");
            params.put("active", active);
        }
        if (cursor != null) {
            conditions.add(sort.after("p.id"));
            params.putAll(Keyset.params(cursor));
        }
        params.put("limit", limit + 1);
        String sql = """
                select p.id, p.code, p.name, p.unit, p.unit_price, p.currency, p.vat_rate, p.active,
                       %s as keyset_value
                  from products p
                 where %s
                 order by %s
                 limit :limit""".formatted(sort.valueExpression(), String.join(" and ", conditions), sort.orderBy("p.id"));
        record Row(ProductSummary summary, String keysetValue) {
        }
        List<Row> rows = jdbc.sql(sql).params(params).query((rs, n) -> new Row(new ProductSummary(
                rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"), rs.getString("unit"),
                rs.getObject("unit_price", BigDecimal.class), rs.getString("currency"), rs.getInt("vat_rate"),
                rs.getBoolean("active")), rs.getString("keyset_value"))).list();
        if (rows.size() <= limit) {
            return new Slice<>(rows.stream().map(Row::summary).toList(), null);
        }
        Row last = rows.get(limit - 1);
        return new Slice<>(rows.subList(0, limit).stream().map(Row::summary).toList(),
                new Keyset.Cursor(last.keysetValue(), last.summary().id()).encode());
    }

    /** Active products for the price list form's product choice, by name. */
    List<ProductSummary> activeChoices(int max) {
        return jdbc.sql("""
                select id, code, name, unit, unit_price, currency, vat_rate, active from products
                 where active order by sort_name, id limit :max""").param("max", max)
                .query((rs, n) -> new ProductSummary(rs.getObject("id", UUID.class), rs.getString("code"),
                        rs.getString("name"), rs.getString("unit"), rs.getObject("unit_price", BigDecimal.class),
                        rs.getString("currency"), rs.getInt("vat_rate"), rs.getBoolean("active"))).list();
    }
}
