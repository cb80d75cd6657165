package io.kervan.shared;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts as people read them in their language: {@code 1.234,50} in Turkish, {@code 1,234.50} in English. */
public final class MoneyFormat {

    private MoneyFormat() {
    }

    // Parsing the pattern and loading the symbols is most of a format's cost; a clone of a ready one is cheap.
    // DecimalFormat is not thread-safe, so each call formats with its own clone.
    private static final DecimalFormat TURKISH = prototype(Locale.forLanguageTag("tr"));
    private static final DecimalFormat ENGLISH = prototype(Locale.ENGLISH);

    public static String format(BigDecimal amount, Locale locale) {
        if (amount == null) {
            return "";
        }
        DecimalFormat prototype = locale != null && "tr".equals(locale.getLanguage()) ? TURKISH : ENGLISH;
        return ((DecimalFormat) prototype.clone()).format(amount);
    }

    private static DecimalFormat prototype(Locale numbers) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(numbers));
        // Like the line-item totals: half up, not the banker's rounding DecimalFormat uses by default.
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return format;
    }
}
