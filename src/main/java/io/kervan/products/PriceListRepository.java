package io.kervan.products;

import io.kervan.shared.Ids;
import io.kervan.shared.Keyset;
import io.kervan.shared.Rows;
import io.kervan.shared.Slice;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of the price list aggregate (list, items, tiers); items are replaced as a whole. */
@Repository
class PriceListRepository {

    static final Keyset.Column NAME = new Keyset.Column("name", "(lower(l.name) collate \"C\")", Keyset.Kind.TEXT);
    static final Keyset.Column UPDATED = new Keyset.Column("updatedAt", "l.updated_at", Keyset.Kind.TIMESTAMP);
    static final List<Keyset.Column> SORTABLE = List.of(NAME, UPDATED);
    static final Keyset.Sort DEFAULT_SORT = new Keyset.Sort(NAME, false);

    private final JdbcClient jdbc;

    PriceListRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PriceListDetails> findById(UUID id) {
        record Header(UUID id, String name, String currency, boolean active, LocalDate validFrom, LocalDate validTo,
                Instant createdAt, Instant updatedAt, UUID createdBy, UUID updatedBy, long version) {
        }
        Optional<Header> header = jdbc.sql("""
                select id, name, currency, active, valid_from, valid_to, created_at, updated_at, created_by,
                       updated_by, version
                  from price_lists where id = :id""").param("id", id)
                .query((rs, n) -> new Header(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("currency"), rs.getBoolean("active"), date(rs, "valid_from"), date(rs, "valid_to"),
                        Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"),
                        rs.getObject("created_by", UUID.class), rs.getObject("updated_by", UUID.class),
                        rs.getLong("version"))).optional();
        return header.map(h -> new PriceListDetails(h.id(), h.name(), h.currency(), h.active(), h.validFrom(),
                h.validTo(), items(id), h.createdAt(), h.updatedAt(), h.createdBy(), h.updatedBy(), h.version()));
    }

    private List<PriceListDetails.Item> items(UUID listId) {
        record Row(UUID itemId, UUID productId, String code, String name, String unit, BigDecimal min,
                BigDecimal price) {
        }
        List<Row> rows = jdbc.sql("""
                select i.id as item_id, i.product_id, p.code, p.name, p.unit, t.min_quantity, t.price
                  from price_list_items i
                  join products p on p.id = i.product_id
                  join price_list_tiers t on t.item_id = i.id
                 where i.price_list_id = :id
                 order by i.position, t.min_quantity""").param("id", listId)
                .query((rs, n) -> new Row(rs.getObject("item_id", UUID.class), rs.getObject("product_id", UUID.class),
                        rs.getString("code"), rs.getString("name"), rs.getString("unit"),
                        rs.getObject("min_quantity", BigDecimal.class), rs.getObject("price", BigDecimal.class)))
                .list();
        Map<UUID, List<Row>> byItem = new LinkedHashMap<>();
        rows.forEach(r -> byItem.computeIfAbsent(r.itemId(), k -> new ArrayList<>()).add(r));
        return byItem.values().stream().map(tiers -> {
            Row first = tiers.get(0);
            return new PriceListDetails.Item(first.productId(), first.code(), first.name(), first.unit(),
                    tiers.stream().map(r -> new PriceTier(r.min(), r.price())).toList());
        }).toList();
    }

    Optional<UUID> findIdByName(String name) {
        return jdbc.sql("select id from price_lists where lower(name) = lower(:name)").param("name", name)
                .query(UUID.class).optional();
    }

    void insert(UUID id, PriceListDraft list, UUID actorId) {
        jdbc.sql("""
                insert into price_lists (id, name, currency, active, valid_from, valid_to, created_at, updated_at,
                    created_by, updated_by, version)
                values (:id, :name, :currency, :active, :validFrom, :validTo, now(), now(), :actor, :actor, 0)""")
                .params(fields(list)).param("id", id).param("actor", actorId).update();
        insertItems(id, list.items(), actorId);
    }

    /** Writes the new state if {@code expectedVersion} is still current; false when someone else was faster. */
    boolean update(UUID id, PriceListDraft list, UUID actorId, long expectedVersion) {
        boolean updated = jdbc.sql("""
                update price_lists set name = :name, currency = :currency, active = :active, valid_from = :validFrom,
                    valid_to = :validTo, updated_at = now(), updated_by = :actor, version = version + 1
                 where id = :id and version = :version""")
                .params(fields(list)).param("id", id).param("actor", actorId).param("version", expectedVersion)
                .update() == 1;
        if (updated) {
            jdbc.sql("delete from price_list_items where price_list_id = :id").param("id", id).update();
            insertItems(id, list.items(), actorId);
        }
        return updated;
    }

    private void insertItems(UUID listId, List<PriceListDraft.Item> items, UUID actorId) {
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < items.size(); i++) {
            UUID itemId = Ids.newId();
            jdbc.sql("""
                    insert into price_list_items (id, price_list_id, product_id, position, created_at, updated_at,
                        created_by, updated_by, version)
                    values (:id, :listId, :productId, :position, :now, :now, :actor, :actor, 0)""")
                    .param("id", itemId).param("listId", listId).param("productId", items.get(i).productId())
                    .param("position", i).param("now", now).param("actor", actorId).update();
            for (PriceTier tier : items.get(i).tiers()) {
                jdbc.sql("""
                        insert into price_list_tiers (id, item_id, min_quantity, price, created_at, updated_at,
                            created_by, updated_by, version)
                        values (:id, :itemId, :min, :price, :now, :now, :actor, :actor, 0)""")
                        .param("id", Ids.newId()).param("itemId", itemId).param("min", tier.minQuantity())
                        .param("price", tier.price()).param("now", now).param("actor", actorId).update();
            }
        }
    }

    Slice<PriceListSummary> list(Boolean active, Keyset.Sort sort, Keyset.Cursor cursor, int limit) {
        List<String> conditions = new ArrayList<>(List.of("true"));
        Map<String, Object> params = new HashMap<>();
        if (active != null) {
            conditions.add("l.active = :active");
            params.put("active", active);
        }
        if (cursor != null) {
            conditions.add(sort.after("l.id"));
            params.putAll(Keyset.params(cursor));
        }
        params.put("limit", limit + 1);
        String sql = """
                select l.id, l.name, l.currency, l.active, l.valid_from, l.valid_to,
                       (select count(*) from price_list_items i where i.price_list_id = l.id) as item_count,
                       %s as keyset_value
                  from price_lists l
                 where %s
                 order by %s
                 limit :limit""".formatted(sort.valueExpression(), String.join(" and ", conditions), sort.orderBy("l.id"));
        record Row(PriceListSummary summary, String keysetValue) {
        }
        List<Row> rows = jdbc.sql(sql).params(params).query((rs, n) -> new Row(new PriceListSummary(
                rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("currency"), rs.getBoolean("active"),
                date(rs, "valid_from"), date(rs, "valid_to"), rs.getInt("item_count")), rs.getString("keyset_value")))
                .list();
        if (rows.size() <= limit) {
            return new Slice<>(rows.stream().map(Row::summary).toList(), null);
        }
        Row last = rows.get(limit - 1);
        return new Slice<>(rows.subList(0, limit).stream().map(Row::summary).toList(),
                new Keyset.Cursor(last.keysetValue(), last.summary().id()).encode());
    }

    /** The price lists that include the product, by name, with the product's tiers on each. */
    List<ProductPriceEntry> containing(UUID productId) {
        record Row(UUID listId, String name, String currency, boolean active, BigDecimal min, BigDecimal price) {
        }
        List<Row> rows = jdbc.sql("""
                select l.id, l.name, l.currency, l.active, t.min_quantity, t.price
                  from price_list_items i
                  join price_lists l on l.id = i.price_list_id
                  join price_list_tiers t on t.item_id = i.id
                 where i.product_id = :productId
                 order by lower(l.name), l.id, t.min_quantity""").param("productId", productId)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("currency"), rs.getBoolean("active"),
                        rs.getObject("min_quantity", BigDecimal.class), rs.getObject("price", BigDecimal.class)))
                .list();
        Map<UUID, List<Row>> byList = new LinkedHashMap<>();
        rows.forEach(r -> byList.computeIfAbsent(r.listId(), k -> new ArrayList<>()).add(r));
        return byList.values().stream().map(tiers -> {
            Row first = tiers.get(0);
            return new ProductPriceEntry(first.listId(), first.name(), first.currency(), first.active(),
                    tiers.stream().map(r -> new PriceTier(r.min(), r.price())).toList());
        }).toList();
    }

    /** The tiers of a product on a list, lowest first; empty when the list does not include the product. */
    List<PriceTier> tiers(UUID listId, UUID productId) {
        return jdbc.sql("""
                select t.min_quantity, t.price
                  from price_list_items i join price_list_tiers t on t.item_id = i.id
                 where i.price_list_id = :listId and i.product_id = :productId
                 order by t.min_quantity""").param("listId", listId).param("productId", productId)
                .query((rs, n) -> new PriceTier(rs.getObject(1, BigDecimal.class), rs.getObject(2, BigDecimal.class)))
                .list();
    }

    private static Map<String, Object> fields(PriceListDraft list) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("name", list.name());
        fields.put("currency", list.currency());
        fields.put("active", list.active());
        fields.put("validFrom", list.validFrom() == null ? null : Date.valueOf(list.validFrom()));
        fields.put("validTo", list.validTo() == null ? null : Date.valueOf(list.validTo()));
        return fields;
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
