package io.kervan.imports.reading;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader with the tolerance real spreadsheet exports need: the delimiter ({@code ,}
 * {@code ;} or tab) and the encoding are detected unless given, quoted cells may hold delimiters and line
 * breaks, a stray quote inside an unquoted cell is kept as text. It never holds more than one cell of
 * {@link ReadLimits#maxCellChars()}: a longer cell fails its row, not the memory. A quote that is never
 * closed fails the file, naming the row where it opened.
 */
public final class CsvTableReader implements TableReader {

    private static final char[] DELIMITERS = {',', ';', '\t'};

    private final Reader in;
    private final Charset encoding;
    private final char delimiter;
    private final ReadLimits limits;
    private final List<String> header;
    private final char[] buffer = new char[16 * 1024];
    private int position;
    private int filled;
    private boolean endOfInput;
    private long rowNumber;

    private CsvTableReader(Reader in, Charset encoding, char delimiter, ReadLimits limits) {
        this.in = in;
        this.encoding = encoding;
        this.delimiter = delimiter;
        this.limits = limits;
        this.header = readHeader();
    }

    /**
     * @param encodingOverride {@code null} to detect
     * @param delimiterOverride {@code null} to detect
     */
    public static CsvTableReader open(InputStream raw, Charset encodingOverride, Character delimiterOverride,
            ReadLimits limits) {
        try {
            BufferedInputStream input = new BufferedInputStream(raw, TextEncodings.SAMPLE_BYTES);
            input.mark(TextEncodings.SAMPLE_BYTES);
            byte[] sample = input.readNBytes(TextEncodings.SAMPLE_BYTES);
            input.reset();
            if (sample.length == 0) {
                throw new ImportFileException("import.file.empty");
            }
            Charset encoding = encodingOverride != null ? encodingOverride
                    : TextEncodings.detect(sample, sample.length);
            input.skipNBytes(TextEncodings.bomLength(sample, sample.length, encoding));
            char delimiter = delimiterOverride != null ? delimiterOverride
                    : detectDelimiter(new String(sample, encoding));
            CharsetDecoder decoder = encoding.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            return new CsvTableReader(new InputStreamReader(input, decoder), encoding, delimiter, limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Charset encoding() {
        return encoding;
    }

    public char delimiter() {
        return delimiter;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public TableRow next() {
        while (true) {
            TableRow row = readRow();
            if (row == null) {
                return null;
            }
            if (row.problem() != null || row.cells().stream().anyMatch(c -> c != null)) {
                return row;
            }
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The candidate found most often, and equally often, in the first lines (quoted parts ignored). */
    static char detectDelimiter(String sample) {
        String[] lines = sample.split("\r\n|\n|\r", 21);
        int count = Math.min(lines.length, 20);
        char best = ',';
        double bestScore = 0;
        for (char candidate : DELIMITERS) {
            int[] perLine = new int[count];
            for (int i = 0; i < count; i++) {
                perLine[i] = countOutsideQuotes(lines[i], candidate);
            }
            if (perLine.length == 0 || perLine[0] == 0) {
                continue;
            }
            int consistent = 0;
            for (int n : perLine) {
                consistent += n == perLine[0] ? 1 : 0;
            }
            double score = perLine[0] * ((double) consistent / count);
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char candidate) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == candidate && !quoted) {
                n++;
            }
        }
        return n;
    }

    private List<String> readHeader() {
        TableRow first;
        do {
            first = readRow();
            if (first == null) {
                throw new ImportFileException("import.file.empty");
            }
        } while (first.problem() == null && first.cells().stream().allMatch(c -> c == null));
        if (first.problem() != null) {
            throw new ImportFileException("import.file.header", first.problem());
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < first.cells().size(); i++) {
            String name = first.cells().get(i);
            names.add(name == null || name.isBlank() ? "Column " + (i + 1) : name.strip());
        }
        return List.copyOf(names);
    }

    /** One record, or null at the end of the input. */
    private TableRow readRow() {
        if (!fill()) {
            return null;
        }
        rowNumber++;
        long startRow = rowNumber;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        String problem = null;
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean atCellStart = true;
        while (true) {
            if (!fill()) {
                if (quoted) {
                    throw new ImportFileException("import.file.unclosedQuote", startRow);
                }
                break;
            }
            char c = buffer[position++];
            if (quoted) {
                if (c == '"') {
                    if (!fill()) {
                        quoted = false;
                        continue;
                    }
                    if (buffer[position] == '"') {
                        position++;
                        problem = append(cell, '"', problem);
                    } else {
                        quoted = false;
                    }
                } else {
                    problem = append(cell, c, problem);
                }
                continue;
            }
            if (c == delimiter) {
                cells.add(cellValue(cell, wasQuoted));
                problem = columnsExceeded(cells, problem);
                cell.setLength(0);
                wasQuoted = false;
                atCellStart = true;
                continue;
            }
            if (c == '\n' || c == '\r') {
                if (c == '\r' && fill() && buffer[position] == '\n') {
                    position++;
                }
                break;
            }
            if (c == '"' && atCellStart) {
                quoted = true;
                wasQuoted = true;
                atCellStart = false;
                continue;
            }
            atCellStart = false;
            problem = append(cell, c, problem);
        }
        cells.add(cellValue(cell, wasQuoted));
        problem = columnsExceeded(cells, problem);
        if (problem != null && cells.size() > limits.maxColumns()) {
            cells = new ArrayList<>(cells.subList(0, limits.maxColumns()));
        }
        return new TableRow(startRow, cells, problem);
    }

    private String columnsExceeded(List<String> cells, String problem) {
        if (cells.size() > limits.maxColumns()) {
            cells.remove(cells.size() - 1);
            return problem == null ? "import.row.tooManyColumns" : problem;
        }
        return problem;
    }

    private String append(StringBuilder cell, char c, String problem) {
        if (cell.length() >= limits.maxCellChars()) {
            return problem == null ? "import.row.cellTooLong" : problem;
        }
        cell.append(c);
        return problem;
    }

    private static String cellValue(StringBuilder cell, boolean quoted) {
        if (cell.isEmpty()) {
            return null;
        }
        String value = cell.toString();
        return !quoted && value.isBlank() ? null : value;
    }

    private boolean fill() {
        if (position < filled) {
            return true;
        }
        if (endOfInput) {
            return false;
        }
        try {
            int n = in.read(buffer, 0, buffer.length);
            if (n <= 0) {
                endOfInput = true;
                return false;
            }
            filled = n;
            position = 0;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
