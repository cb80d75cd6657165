package io.kervan.products;

import io.kervan.shared.InvalidInputException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineItemPricingTests {

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void multipliesQuantityByUnitPriceAndRoundsToTwoDecimals() {
        assertThat(LineItemPricing.total(d("9.20"), d("150"), null)).isEqualByComparingTo("1380.00")
                .hasScaleOf(2);
        assertThat(LineItemPricing.total(d("0.3333"), d("3"), BigDecimal.ZERO)).isEqualTo(d("1.00"));
    }

    @Test
    void appliesTheDiscountPercentBeforeRounding() {
        assertThat(LineItemPricing.total(d("10.00"), d("3"), d("12.5"))).isEqualTo(d("26.25"));
        assertThat(LineItemPricing.total(d("19.99"), d("7"), d("15"))).isEqualTo(d("118.94"));
        assertThat(LineItemPricing.total(d("10"), d("5"), d("100"))).isEqualTo(d("0.00"));
    }

    @Test
    void roundsHalfUpAtTheCent() {
        // 0.125 × 1 = 0.125 → 0.13 (half-up), and 0.0049 → 0.00
        assertThat(LineItemPricing.total(d("0.125"), d("1"), null)).isEqualTo(d("0.13"));
        assertThat(LineItemPricing.total(d("0.0049"), d("1"), null)).isEqualTo(d("0.00"));
        // 2.50 × 1 with 1 % discount = 2.475 → 2.48
        assertThat(LineItemPricing.total(d("2.50"), d("1"), d("1"))).isEqualTo(d("2.48"));
    }

    @Test
    void refusesDiscountsOutsideZeroToHundredAndNonPositiveQuantities() {
        assertThatThrownBy(() -> LineItemPricing.total(d("10"), d("1"), d("100.01")))
                .isInstanceOf(InvalidInputException.class).extracting(e -> ((InvalidInputException) e).byField())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKey("discountPercent");
        assertThatThrownBy(() -> LineItemPricing.total(d("10"), d("1"), d("-1")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> LineItemPricing.total(d("10"), BigDecimal.ZERO, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> LineItemPricing.total(d("-1"), d("1"), null))
                .isInstanceOf(InvalidInputException.class);
    }
}
