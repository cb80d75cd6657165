package io.kervan.shared.export;

import io.kervan.shared.InvalidInputException;
import java.util.Locale;
import java.util.Set;

/** The file formats a list can be exported as. */
public enum ExportFormat {
    CSV("csv", "text/csv;charset=UTF-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    VCF("vcf", "text/vcard;charset=UTF-8");

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The format named by {@code value} (default CSV) if it is one of {@code allowed}; otherwise a 400. */
    public static ExportFormat parse(String value, Set<ExportFormat> allowed) {
        if (value == null || value.isBlank()) {
            return CSV;
        }
        for (ExportFormat format : allowed) {
            if (format.extension.equals(value.strip().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new InvalidInputException("format", "export.format.unknown");
    }

    /** CSV and XLSX, the formats every list supports. */
    public static final Set<ExportFormat> TABULAR = Set.of(CSV, XLSX);
}
