package io.kervan.shared;

import java.math.BigDecimal;

/** Parsing numbers as people type them: {@code 1234.56}, {@code 1.234,56} (Turkish) or {@code 1,234.56}. */
public final class Numbers {

    private Numbers() {
    }

    /** The number in {@code text}, {@code null} for blank text; throws {@link NumberFormatException} if not a number. */
    public static BigDecimal parseDecimal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String cleaned = text.strip().replace(" ", "").replace("\u00a0", "");
        if (cleaned.length() > 40) {
            throw new NumberFormatException("too long");
        }
        int lastComma = cleaned.lastIndexOf(',');
        int lastDot = cleaned.lastIndexOf('.');
        if (lastComma > lastDot) {
            cleaned = cleaned.replace(".", "").replace(',', '.');
        } else if (lastDot > lastComma && lastComma >= 0) {
            cleaned = cleaned.replace(",", "");
        }
        return new BigDecimal(cleaned);
    }
}
