package io.kervan.imports.reading;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Streams one sheet of an XLSX workbook. Before anything is inflated the zip directory is checked
 * against {@link ReadLimits}: too many entries, too large a total, or an entry compressed far better
 * than real spreadsheets are (a zip bomb) refuse the file. Formula cells give their stored result; a
 * formula without one fails its row. Numbers come as plain decimals (dates as Excel serial numbers,
 * which the date conversion understands).
 */
public final class XlsxTableReader implements TableReader {

    private static final int MAX_ENTRIES = 10_000;

    private final ReadableWorkbook workbook;
    private final Stream<Row> rows;
    private final Iterator<Row> iterator;
    private final ReadLimits limits;
    private final List<String> header;
    private final String sheetName;

    private XlsxTableReader(ReadableWorkbook workbook, Sheet sheet, ReadLimits limits) throws IOException {
        this.workbook = workbook;
        this.limits = limits;
        this.sheetName = sheet.getName();
        this.rows = sheet.openStream();
        this.iterator = rows.iterator();
        this.header = readHeader();
    }

    /** The sheet names of a workbook, for choosing one. */
    public static List<String> sheetNames(File file, ReadLimits limits) {
        checkZip(file, limits);
        try (ReadableWorkbook workbook = new ReadableWorkbook(file)) {
            return workbook.getSheets().map(Sheet::getName).toList();
        } catch (IOException | ExcelReaderException | IllegalStateException e) {
            throw new ImportFileException("import.file.xlsxUnreadable");
        }
    }

    /** @param sheet the sheet's name; {@code null} for the first sheet */
    public static XlsxTableReader open(File file, String sheet, ReadLimits limits) {
        checkZip(file, limits);
        ReadableWorkbook workbook = null;
        try {
            workbook = new ReadableWorkbook(file);
            if (workbook.getSheets().findAny().isEmpty()) {
                // A damaged workbook can list no sheet at all; getFirstSheet() would fail with an index error.
                throw new ImportFileException("import.file.noSheets");
            }
            Sheet chosen = sheet == null || sheet.isBlank() ? workbook.getFirstSheet()
                    : workbook.findSheet(sheet).orElseThrow(() -> new ImportFileException("import.file.sheetUnknown",
                            sheet));
            return new XlsxTableReader(workbook, chosen, limits);
        } catch (IOException | ExcelReaderException | IllegalStateException | UncheckedIOException e) {
            closeQuietly(workbook);
            throw new ImportFileException("import.file.xlsxUnreadable");
        } catch (RuntimeException e) {
            closeQuietly(workbook);
            throw e;
        }
    }

    /** Refuses zip bombs by the sizes the zip directory declares, before inflating anything. */
    static void checkZip(File file, ReadLimits limits) {
        try (ZipFile zip = new ZipFile(file)) {
            long total = 0;
            int entries = 0;
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (++entries > MAX_ENTRIES) {
                    throw new ImportFileException("import.file.zipBomb");
                }
                long size = entry.getSize();
                long compressed = entry.getCompressedSize();
                if (size < 0 || compressed < 0) {
                    continue;
                }
                total += size;
                boolean suspicious = size > (1 << 20) && compressed > 0 && size / compressed > limits.maxCompressionRatio();
                if (suspicious || total > limits.maxUncompressedBytes()) {
                    throw new ImportFileException("import.file.zipBomb");
                }
            }
            if (zip.getEntry("xl/workbook.xml") == null) {
                throw new ImportFileException("import.file.xlsxUnreadable");
            }
        } catch (IOException e) {
            // a broken zip (truncated, bad headers, ZipException, EOFException …) is not a workbook
            throw new ImportFileException("import.file.xlsxUnreadable");
        }
    }

    public String sheetName() {
        return sheetName;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public TableRow next() {
        try {
            while (iterator.hasNext()) {
                TableRow row = convert(iterator.next());
                if (row.problem() != null || row.cells().stream().anyMatch(c -> c != null)) {
                    return row;
                }
            }
            return null;
        } catch (ExcelReaderException | UncheckedIOException | IllegalStateException e) {
            throw new ImportFileException("import.file.xlsxUnreadable");
        }
    }

    @Override
    public void close() {
        rows.close();
        closeQuietly(workbook);
    }

    private List<String> readHeader() {
        TableRow first = next();
        if (first == null) {
            throw new ImportFileException("import.file.empty");
        }
        if (first.problem() != null) {
            throw new ImportFileException("import.file.header", first.problem());
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < first.cells().size(); i++) {
            String name = first.cells().get(i);
            names.add(name == null || name.isBlank() ? "Column " + (i + 1) : name.strip());
        }
        while (!names.isEmpty() && names.get(names.size() - 1).startsWith("Column ")
                && first.cell(names.size() - 1) == null) {
            names.remove(names.size() - 1);
        }
        return List.copyOf(names);
    }

    private TableRow convert(Row row) {
        String problem = null;
        int count = row.getCellCount();
        if (count > limits.maxColumns()) {
            problem = "import.row.tooManyColumns";
            count = limits.maxColumns();
        }
        List<String> cells = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Cell cell = row.getCell(i);
            String text = cell == null ? null : text(cell);
            if (cell != null && cell.getType() == CellType.FORMULA && text == null) {
                problem = problem == null ? "import.row.formulaWithoutValue" : problem;
            }
            if (cell != null && cell.getType() == CellType.ERROR) {
                problem = problem == null ? "import.row.cellError" : problem;
                text = null;
            }
            if (text != null && text.length() > limits.maxCellChars()) {
                problem = problem == null ? "import.row.cellTooLong" : problem;
                text = null;
            }
            cells.add(text == null || text.isBlank() ? null : text);
        }
        return new TableRow(row.getRowNum(), cells, problem);
    }

    private static String text(Cell cell) {
        String raw = cell.getRawValue();
        return switch (cell.getType()) {
            case EMPTY -> null;
            case NUMBER -> raw == null ? null : plainNumber(raw);
            case BOOLEAN -> "1".equals(raw) ? "true" : "false";
            case FORMULA -> raw == null || raw.isEmpty() ? null : raw;
            default -> raw;
        };
    }

    private static String plainNumber(String raw) {
        try {
            return new BigDecimal(raw).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    private static void closeQuietly(ReadableWorkbook workbook) {
        if (workbook != null) {
            try {
                workbook.close();
            } catch (IOException | RuntimeException ignored) {
                // nothing more to release
            }
        }
    }
}
