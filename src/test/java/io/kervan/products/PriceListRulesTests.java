package io.kervan.products;

import io.kervan.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PriceListRulesTests {

    static PriceTier tier(String min, String price) {
        return new PriceTier(min == null ? null : new BigDecimal(min), price == null ? null : new BigDecimal(price));
    }

    static java.util.Map<String, String> problems(PriceListDraft draft) {
        return catchThrowableOfType(InvalidInputException.class, () -> PriceListRules.normalize(draft)).byField();
    }

    @Test
    void acceptsTiersWithStrictlyIncreasingMinimumsAndDefaultsCurrencyAndActive() {
        PriceListDraft list = PriceListRules.normalize(new PriceListDraft(" Bayi 2026 ", null, null, null, null,
                List.of(new PriceListDraft.Item(UUID.randomUUID(),
                        List.of(tier("1", "10.00"), tier("100", "9.20"), tier("500", "8.50"))))));
        assertThat(list.name()).isEqualTo("Bayi 2026");
        assertThat(list.currency()).isEqualTo("TRY");
        assertThat(list.active()).isTrue();
    }

    @Test
    void refusesTiersOutOfOrderNegativePricesAndAZeroMinimum() {
        assertThat(problems(new PriceListDraft("X", "TRY", true, null, null, List.of(new PriceListDraft.Item(
                UUID.randomUUID(), List.of(tier("0", "1"), tier("10", "-1"), tier("100", "2"), tier("100", "1")))))))
                .containsEntry("items[0].tiers[0].minQuantity", "validation.priceList.minQuantity")
                .containsEntry("items[0].tiers[1].price", "validation.negative")
                .containsEntry("items[0].tiers[3].minQuantity", "validation.priceList.tierOrder")
                .doesNotContainKey("items[0].tiers[2].minQuantity");
    }

    @Test
    void refusesAProductTwiceAnItemWithoutTiersAndAnEndBeforeTheStart() {
        UUID product = UUID.randomUUID();
        assertThat(problems(new PriceListDraft("X", "TRY", true, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1),
                List.of(new PriceListDraft.Item(product, List.of(tier("1", "1"))),
                        new PriceListDraft.Item(product, List.of(tier("1", "1"))),
                        new PriceListDraft.Item(UUID.randomUUID(), List.of())))))
                .containsEntry("items[1].productId", "validation.priceList.duplicateProduct")
                .containsEntry("items[2].tiers", "validation.priceList.noTiers")
                .containsEntry("validTo", "validation.priceList.validTo");
    }

    @Test
    void theLowestTierNeedNotStartAtOne() {
        PriceListDraft list = PriceListRules.normalize(new PriceListDraft("Toptan", "USD", true, null, null,
                List.of(new PriceListDraft.Item(UUID.randomUUID(), List.of(tier("50", "3"), tier("200", "2.5"))))));
        assertThat(list.items().get(0).tiers().get(0).minQuantity()).isEqualByComparingTo("50");
    }
}
