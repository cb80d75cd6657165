package io.kervan.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.kervan.imports.reading.CsvTableReader;
import io.kervan.imports.reading.ImportFileException;
import io.kervan.imports.reading.ReadLimits;
import io.kervan.imports.reading.TableReader;
import io.kervan.imports.reading.TableRow;
import io.kervan.imports.reading.XlsxTableReader;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile input for the readers: whatever the bytes, a reader either yields rows within its limits or
 * refuses the file with an {@link ImportFileException} — never another exception (which would be a 500).
 */
class ImportReaderFuzzTests {

    static final ReadLimits SMALL = new ReadLimits(200, 20, 10 << 20, 100);

    @Provide
    Arbitrary<byte[]> csvLike() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("\"", "\"\"", ",", ";", "\t", "\n", "\r\n", "\r", "=SUM(A1)", "İĞÜŞÖÇ", "\uFEFF",
                        "ığüşöç", "a", "1.234,56", " "),
                Arbitraries.strings().ofMaxLength(30));
        Arbitrary<String> text = pieces.list().ofMaxSize(60).map(list -> String.join("", list));
        return Arbitraries.oneOf(
                text.map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                text.map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_16)),
                text.map(s -> s.getBytes(java.nio.charset.Charset.forName("windows-1254"))),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(400));
    }

    @Property(tries = 400)
    void csvReaderNeverFailsOtherwiseThanWithAFileProblem(@ForAll("csvLike") byte[] bytes) {
        try (CsvTableReader reader = CsvTableReader.open(new ByteArrayInputStream(bytes), null, null, SMALL)) {
            readAll(reader);
        } catch (ImportFileException expected) {
            assertThat(expected.code()).startsWith("import.file.");
        }
    }

    @Provide
    Arbitrary<byte[]> zipLike() {
        Arbitrary<String> names = Arbitraries.of("xl/workbook.xml", "xl/worksheets/sheet1.xml",
                "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/sharedStrings.xml", "_rels/.rels");
        Arbitrary<String> contents = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
                Arbitraries.of("<workbook><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets></workbook>",
                        "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Ad</t></is></c></row>"
                                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>99</v></c><c r=\"B2\"><f>1+</f></c></row></sheetData></worksheet>",
                        "<sst><si><t>İĞÜ</t></si></sst>", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>"));
        return Arbitraries.entries(names, contents).list().ofMaxSize(6).map(entries -> {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (var entry : entries) {
                    if (seen.add(entry.getKey())) {
                        zip.putNextEntry(new ZipEntry(entry.getKey()));
                        zip.write(entry.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        zip.closeEntry();
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return bytes.toByteArray();
        });
    }

    @Property(tries = 200)
    void xlsxReaderNeverFailsOtherwiseThanWithAFileProblem(@ForAll("zipLike") byte[] zip,
            @ForAll("flips") int flip) throws IOException {
        readsDamagedXlsx(zip, flip);
    }

    /** The seed that found a workbook listing no sheet (an index error then), replayed on every build. */
    @Property(tries = 200, seed = "-3322805891011297813")
    void xlsxReaderRefusesAWorkbookWithoutSheetsAsAFileProblem(@ForAll("zipLike") byte[] zip,
            @ForAll("flips") int flip) throws IOException {
        readsDamagedXlsx(zip, flip);
    }

    private static void readsDamagedXlsx(byte[] zip, int flip) throws IOException {
        if (flip >= 0 && zip.length > 0) {
            zip[flip % zip.length] ^= (byte) 0x5A;
        }
        File file = Files.createTempFile("fuzz", ".xlsx").toFile();
        try {
            try (OutputStream out = new FileOutputStream(file)) {
                out.write(zip);
            }
            try (XlsxTableReader reader = XlsxTableReader.open(file, null, SMALL)) {
                readAll(reader);
            } catch (ImportFileException expected) {
                assertThat(expected.code()).startsWith("import.file.");
            }
        } finally {
            file.delete();
        }
    }

    @Provide
    Arbitrary<Integer> flips() {
        return Arbitraries.oneOf(Arbitraries.just(-1), Arbitraries.integers().between(0, 5000));
    }

    private static void readAll(TableReader reader) {
        assertThat(reader.header().size()).isLessThanOrEqualTo(SMALL.maxColumns());
        TableRow row;
        int rows = 0;
        while ((row = reader.next()) != null && rows++ < 10_000) {
            assertThat(row.cells().size()).isLessThanOrEqualTo(SMALL.maxColumns());
            row.cells().stream().filter(c -> c != null)
                    .forEach(c -> assertThat(c.length()).isLessThanOrEqualTo(SMALL.maxCellChars()));
        }
    }
}
