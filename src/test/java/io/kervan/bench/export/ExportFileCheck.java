package io.kervan.bench.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Checks an exported file for {@code bench/export-benchmark.sh}: a CSV must start with the UTF-8 byte
 * order mark and parse as RFC 4180 with every row as wide as the header; an XLSX must open. Prints the
 * number of data rows (header not counted) and exits with 1 when it differs from the expected count.
 * <pre>java -cp ... io.kervan.bench.export.ExportFileCheck FILE csv|xlsx EXPECTED_ROWS</pre>
 */
public final class ExportFileCheck {

    private ExportFileCheck() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        long expected = Long.parseLong(args[2]);
        long rows = switch (args[1]) {
            case "csv" -> csvRows(file);
            case "xlsx" -> xlsxRows(file);
            default -> throw new IllegalArgumentException("format is csv or xlsx");
        };
        System.out.println(rows);
        if (rows != expected) {
            System.err.println("expected " + expected + " data rows in " + file + ", found " + rows);
            System.exit(1);
        }
    }

    static long csvRows(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bom = in.readNBytes(3);
            if (bom.length < 3 || (bom[0] & 0xFF) != 0xEF || (bom[1] & 0xFF) != 0xBB || (bom[2] & 0xFF) != 0xBF) {
                throw new IOException(file + " does not start with a UTF-8 byte order mark");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            try (CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
                long rows = -1;
                int width = -1;
                for (CSVRecord record : parser) {
                    if (width < 0) {
                        width = record.size();
                    } else if (record.size() != width) {
                        throw new IOException("row " + record.getRecordNumber() + " has " + record.size()
                                + " cells, the header " + width);
                    }
                    rows++;
                }
                return rows;
            }
        }
    }

    static long xlsxRows(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            Sheet sheet = workbook.getFirstSheet();
            try (Stream<Row> rows = sheet.openStream()) {
                return rows.count() - 1;
            }
        }
    }
}
