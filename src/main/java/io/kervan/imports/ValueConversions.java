package io.kervan.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns spreadsheet text into typed values: dates in the user's pattern, ISO, or as Excel serial
 * numbers; decimals with a decimal point or (when asked) a decimal comma and thousands dots. Strict:
 * {@code 31.02.2024} is not a date, {@code 12abc} not a number.
 */
final class ValueConversions {

    /** Excel's day 0 (its serials count from 1900-01-01 as 1, with the phantom 29 Feb 1900). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private final DateTimeFormatter datePattern;
    private final boolean decimalComma;

    ValueConversions(String dateFormat, boolean decimalComma) {
        this.datePattern = dateFormat == null || dateFormat.isBlank() ? null
                : DateTimeFormatter.ofPattern(dateFormat.replace("y", "u"), Locale.ROOT)
                        .withResolverStyle(ResolverStyle.STRICT);
        this.decimalComma = decimalComma;
    }

    Optional<LocalDate> date(String text) {
        String value = text.strip();
        if (datePattern != null) {
            try {
                return Optional.of(LocalDate.parse(value, datePattern));
            } catch (DateTimeParseException e) {
                // try the other forms
            }
        }
        try {
            String isoDate = value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value;
            return Optional.of(LocalDate.parse(isoDate, DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT)));
        } catch (DateTimeParseException e) {
            // maybe an Excel serial
        }
        if (value.matches("\\d{1,6}(\\.\\d+)?")) {
            double serial = Double.parseDouble(value);
            if (serial >= 1 && serial < 2_958_466) {
                return Optional.of(EXCEL_EPOCH.plusDays((long) Math.floor(serial)));
            }
        }
        return Optional.empty();
    }

    Optional<BigDecimal> decimal(String text) {
        String value = text.strip().replace("\u00a0", "").replace(" ", "");
        if (decimalComma) {
            value = value.replace(".", "").replace(',', '.');
        } else {
            value = value.replace(",", "");
        }
        if (!value.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d{1,3})?") || value.length() > 40) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Integer> integer(String text) {
        String value = text.strip();
        if (!value.matches("[-+]?\\d{1,9}(\\.0+)?")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(value.replaceAll("\\.0+$", "").replace("+", "")));
    }

    static Optional<Boolean> bool(String text) {
        return switch (text.strip().toLowerCase(Locale.forLanguageTag("tr"))) {
            case "true", "yes", "y", "1", "evet", "e", "doğru", "x" -> Optional.of(true);
            case "false", "no", "n", "0", "hayır", "h", "yanlış" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
