package io.kervan.shared.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes a table row by row to a stream; {@link #finish()} completes the file but leaves the stream open. */
public interface ExportWriter {

    void header(List<String> names) throws IOException;

    /** One row; values are {@code null}, {@link Number}s or anything else, written as text. */
    void row(List<?> values) throws IOException;

    void finish() throws IOException;

    static ExportWriter of(ExportFormat format, OutputStream out) throws IOException {
        return switch (format) {
            case CSV -> new CsvExportWriter(out);
            case XLSX -> new XlsxExportWriter(out);
            case VCF -> throw new IllegalArgumentException("vCard is not a table format");
        };
    }
}
