package io.kervan.imports.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTableReaderTests {

    static final String TURKISH = "İĞÜŞÖÇığüşöç";

    static CsvTableReader open(byte[] bytes) {
        return CsvTableReader.open(new ByteArrayInputStream(bytes), null, null, ReadLimits.DEFAULT);
    }

    static List<TableRow> rows(TableReader reader) {
        List<TableRow> rows = new ArrayList<>();
        TableRow row;
        while ((row = reader.next()) != null) {
            rows.add(row);
        }
        return rows;
    }

    static byte[] bytes(byte[] prefix, String text, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "UTF-8-BOM", "UTF-16LE-BOM", "UTF-16BE-BOM", "windows-1254"})
    void everyEncodingRoundTripsTurkishText(String encoding) {
        String csv = "Ad;Şehir\n" + TURKISH + ";İzmir\n";
        byte[] file = switch (encoding) {
            case "UTF-8" -> bytes(new byte[0], csv, StandardCharsets.UTF_8);
            case "UTF-8-BOM" -> bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, csv, StandardCharsets.UTF_8);
            case "UTF-16LE-BOM" -> bytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, csv, StandardCharsets.UTF_16LE);
            case "UTF-16BE-BOM" -> bytes(new byte[] {(byte) 0xFE, (byte) 0xFF}, csv, StandardCharsets.UTF_16BE);
            default -> bytes(new byte[0], csv, TextEncodings.WINDOWS_1254);
        };
        try (CsvTableReader reader = open(file)) {
            assertThat(reader.header()).containsExactly("Ad", "Şehir");
            List<TableRow> rows = rows(reader);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).cells()).containsExactly(TURKISH, "İzmir");
            assertThat(reader.encoding().name()).isEqualTo(switch (encoding) {
                case "UTF-8", "UTF-8-BOM" -> "UTF-8";
                case "UTF-16LE-BOM" -> "UTF-16LE";
                case "UTF-16BE-BOM" -> "UTF-16BE";
                default -> "windows-1254";
            });
        }
    }

    @Test
    void anOverriddenEncodingWins() {
        byte[] file = ("Ad\n" + TURKISH + "\n").getBytes(TextEncodings.WINDOWS_1254);
        try (CsvTableReader reader = CsvTableReader.open(new ByteArrayInputStream(file), TextEncodings.named("cp1254"),
                null, ReadLimits.DEFAULT)) {
            assertThat(rows(reader).get(0).cells()).containsExactly(TURKISH);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {",", ";", "\t"})
    void detectsTheDelimiter(String delimiter) {
        String csv = String.join(delimiter, "a", "b", "c") + "\n" + String.join(delimiter, "1", "2,5", "3") + "\n";
        if (delimiter.equals(",")) {
            csv = "a,b,c\n1,\"2,5\",3\n";
        }
        try (CsvTableReader reader = open(csv.getBytes(StandardCharsets.UTF_8))) {
            assertThat(reader.delimiter()).isEqualTo(delimiter.charAt(0));
            assertThat(rows(reader).get(0).cells()).containsExactly("1", "2,5", "3");
        }
    }

    @Test
    void quotedCellsHoldDelimitersLineBreaksAndQuotes() {
        String csv = "name,notes,city\r\n\"Öz, Ltd.\",\"line one\nline \"\"two\"\"\",Van\r\nnext,,Muş\r\n";
        try (CsvTableReader reader = open(csv.getBytes(StandardCharsets.UTF_8))) {
            List<TableRow> rows = rows(reader);
            assertThat(rows.get(0).cells()).containsExactly("Öz, Ltd.", "line one\nline \"two\"", "Van");
            assertThat(rows.get(0).number()).isEqualTo(2);
            assertThat(rows.get(1).cells()).containsExactly("next", null, "Muş");
            assertThat(rows.get(1).number()).isEqualTo(3);
        }
    }

    @Test
    void anUnclosedQuoteFailsTheFileNamingTheRow() {
        String csv = "a,b\n1,2\n3,\"never closed\n4,5\n";
        try (CsvTableReader reader = open(csv.getBytes(StandardCharsets.UTF_8))) {
            assertThat(reader.next().cells()).containsExactly("1", "2");
            assertThatThrownBy(reader::next).isInstanceOfSatisfying(ImportFileException.class, e -> {
                assertThat(e.code()).isEqualTo("import.file.unclosedQuote");
                assertThat(e.arguments()).containsExactly(3L);
            });
        }
    }

    @Test
    void aBinaryFileNamedCsvIsRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        assertThatThrownBy(() -> open(png)).isInstanceOfSatisfying(ImportFileException.class,
                e -> assertThat(e.code()).isEqualTo("import.file.binary"));
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0};
        assertThatThrownBy(() -> open(zip)).isInstanceOfSatisfying(ImportFileException.class,
                e -> assertThat(e.code()).isEqualTo("import.file.binary"));
    }

    @Test
    void anEmptyFileIsRefusedAndAHeaderOnlyFileHasNoRows() {
        assertThatThrownBy(() -> open(new byte[0])).isInstanceOfSatisfying(ImportFileException.class,
                e -> assertThat(e.code()).isEqualTo("import.file.empty"));
        assertThatThrownBy(() -> open("\n\n  \n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ImportFileException.class, e -> assertThat(e.code()).isEqualTo("import.file.empty"));
        try (CsvTableReader reader = open("Ad,Soyad\n".getBytes(StandardCharsets.UTF_8))) {
            assertThat(reader.header()).containsExactly("Ad", "Soyad");
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void aFiftyMegabyteCellFailsItsRowOnlyWithoutBeingHeld() {
        long cell = 50L * 1024 * 1024;
        InputStream huge = new InputStream() {
            long left = cell;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        InputStream file = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream("a,b\nfirst,".getBytes(StandardCharsets.UTF_8)), huge,
                new ByteArrayInputStream("\nsecond,ok\n".getBytes(StandardCharsets.UTF_8)))));
        try (CsvTableReader reader = CsvTableReader.open(file, null, null, ReadLimits.DEFAULT)) {
            TableRow first = reader.next();
            assertThat(first.problem()).isEqualTo("import.row.cellTooLong");
            assertThat(first.cells().get(1)).hasSize(ReadLimits.DEFAULT.maxCellChars());
            assertThat(reader.next().cells()).containsExactly("second", "ok");
        }
    }

    @Test
    void blankHeaderCellsAreNamedByPosition() {
        try (CsvTableReader reader = open("Ad,,Şehir\nA,B,C\n".getBytes(StandardCharsets.UTF_8))) {
            assertThat(reader.header()).containsExactly("Ad", "Column 2", "Şehir");
        }
    }
}
