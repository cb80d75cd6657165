package io.kervan.shared;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyFormatTests {

    @Test
    void turkishPagesGroupWithDotsAndUseADecimalComma() {
        assertThat(MoneyFormat.format(new BigDecimal("1234567.5"), Locale.forLanguageTag("tr-TR"))).isEqualTo("1.234.567,50");
    }

    @Test
    void englishPagesGroupWithCommasAndUseADecimalPoint() {
        assertThat(MoneyFormat.format(new BigDecimal("1234567.5"), Locale.ENGLISH)).isEqualTo("1,234,567.50");
        assertThat(MoneyFormat.format(new BigDecimal("-0.005"), Locale.ENGLISH)).isEqualTo("-0.01");
    }

    @Test
    void nothingIsAnEmptyText() {
        assertThat(MoneyFormat.format(null, Locale.ENGLISH)).isEmpty();
    }
}
