package io.kervan.shared.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An Excel workbook with one sheet, streamed: text goes in as inline strings (no shared-string
 * table in memory) and rows are flushed every {@value #FLUSH_EVERY} rows. Text is never a formula.
 */
public final class XlsxExportWriter implements ExportWriter {

    private static final int FLUSH_EVERY = 200;

    private final Workbook workbook;
    private final Worksheet sheet;
    private int row;

    public XlsxExportWriter(OutputStream out) {
        this.workbook = new Workbook(new NonClosingOutputStream(out), "Kervan", "1.0");
        this.sheet = workbook.newWorksheet("Export");
    }

    @Override
    public void header(List<String> names) throws IOException {
        write(names);
        for (int c = 0; c < names.size(); c++) {
            sheet.style(0, c).bold().set();
        }
    }

    @Override
    public void row(List<?> values) throws IOException {
        write(values);
    }

    private void write(List<?> values) throws IOException {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value == null) {
                continue;
            }
            if (value instanceof Number number) {
                sheet.value(row, c, number);
            } else {
                sheet.inlineString(row, c, Cells.neutralise(value.toString()));
            }
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    @Override
    public void finish() throws IOException {
        sheet.finish();
        workbook.finish();
    }

    /** fastexcel closes the stream it writes to; the servlet container owns the response stream. */
    private static final class NonClosingOutputStream extends java.io.FilterOutputStream {

        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
