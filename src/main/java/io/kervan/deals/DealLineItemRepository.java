package io.kervan.deals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DealLineItemRepository {

    private final JdbcClient jdbc;

    DealLineItemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DealLineItem> findByDeal(UUID dealId) {
        return jdbc.sql("""
                select id, deal_id, position, product_id, product_code, product_name, price_list_id, quantity,
                       unit_price, currency, discount_percent, vat_rate, total
                  from deal_line_items where deal_id = :dealId order by position, id""")
                .param("dealId", dealId).query(DealLineItemRepository::map).list();
    }

    void insert(DealLineItem item, UUID actorId) {
        jdbc.sql("""
                insert into deal_line_items (id, deal_id, position, product_id, product_code, product_name,
                    price_list_id, quantity, unit_price, currency, discount_percent, vat_rate, total, created_at,
                    created_by)
                values (:id, :dealId, (select coalesce(max(position), 0) + 1 from deal_line_items where deal_id = :dealId),
                    :productId, :code, :name, :priceListId, :quantity, :unitPrice, :currency, :discount, :vatRate,
                    :total, :now, :actor)""")
                .param("id", item.id()).param("dealId", item.dealId()).param("productId", item.productId())
                .param("code", item.productCode()).param("name", item.productName())
                .param("priceListId", item.priceListId()).param("quantity", item.quantity())
                .param("unitPrice", item.unitPrice()).param("currency", item.currency())
                .param("discount", item.discountPercent()).param("vatRate", item.vatRate()).param("total", item.total())
                .param("now", Timestamp.from(Instant.now())).param("actor", actorId).update();
    }

    int countByDeal(UUID dealId) {
        return jdbc.sql("select count(*) from deal_line_items where deal_id = :dealId").param("dealId", dealId)
                .query(Integer.class).single();
    }

    boolean delete(UUID dealId, UUID itemId) {
        return jdbc.sql("delete from deal_line_items where id = :id and deal_id = :dealId")
                .param("id", itemId).param("dealId", dealId).update() == 1;
    }

    private static DealLineItem map(ResultSet rs, int row) throws SQLException {
        return new DealLineItem(rs.getObject("id", UUID.class), rs.getObject("deal_id", UUID.class),
                rs.getInt("position"), rs.getObject("product_id", UUID.class), rs.getString("product_code"),
                rs.getString("product_name"), rs.getObject("price_list_id", UUID.class), rs.getBigDecimal("quantity"),
                rs.getBigDecimal("unit_price"), rs.getString("currency"), rs.getBigDecimal("discount_percent"),
                rs.getInt("vat_rate"), rs.getBigDecimal("total"));
    }
}
