package io.kervan.shared;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts as people read them in their language: {@code 1.234,50} in Turkish, {@code 1,234.50} in English. */
public final class MoneyFormat {

    private MoneyFormat() {
    }

    public static String format(BigDecimal amount, Locale locale) {
        if (amount == null) {
            return "";
        }
        Locale numbers = locale != null && "tr".equals(locale.getLanguage()) ? Locale.forLanguageTag("tr") : Locale.ENGLISH;
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(numbers));
        // Like the line-item totals: half up, not the banker's rounding DecimalFormat uses by default.
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return format.format(amount);
    }
}
