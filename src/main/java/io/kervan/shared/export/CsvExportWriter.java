package io.kervan.shared.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Comma-separated values in UTF-8 with a byte order mark, so that Excel shows Turkish letters. */
public final class CsvExportWriter implements ExportWriter {

    private final Writer writer;
    private final CSVPrinter printer;

    public CsvExportWriter(OutputStream out) throws IOException {
        // the printer appends value by value; a buffer in front of the encoder keeps those calls cheap
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write('\uFEFF');
        this.printer = new CSVPrinter(writer, CSVFormat.RFC4180);
    }

    @Override
    public void header(List<String> names) throws IOException {
        row(names);
    }

    @Override
    public void row(List<?> values) throws IOException {
        List<String> cells = new ArrayList<>(values.size());
        for (Object value : values) {
            cells.add(text(value));
        }
        printer.printRecord(cells);
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        return Cells.neutralise(value.toString());
    }

    @Override
    public void finish() throws IOException {
        printer.flush();
        writer.flush();
    }
}
