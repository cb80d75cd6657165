package io.kervan.imports.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxTableReaderTests {

    @TempDir
    Path dir;

    File workbook(String name, WorkbookContent content) throws IOException {
        File file = dir.resolve(name).toFile();
        try (OutputStream out = new FileOutputStream(file)) {
            Workbook wb = new Workbook(out, "Kervan test", "1.0");
            content.fill(wb);
            wb.finish();
        }
        return file;
    }

    interface WorkbookContent {
        void fill(Workbook wb);
    }

    @Test
    void readsTheChosenSheetWithTurkishTextNumbersAndDates() throws IOException {
        File file = workbook("kisiler.xlsx", wb -> {
            Worksheet first = wb.newWorksheet("Notlar");
            first.value(0, 0, "ignore me");
            Worksheet sheet = wb.newWorksheet("Kişiler");
            sheet.value(0, 0, "Ad");
            sheet.value(0, 1, "Tutar");
            sheet.value(0, 2, "Tarih");
            sheet.value(1, 0, CsvTableReaderTests.TURKISH);
            sheet.value(1, 1, 1234.5);
            sheet.value(1, 2, LocalDate.of(2024, 2, 29));
            sheet.style(1, 2).format("dd.mm.yyyy").set();
        });

        assertThat(XlsxTableReader.sheetNames(file, ReadLimits.DEFAULT)).containsExactly("Notlar", "Kişiler");
        try (XlsxTableReader reader = XlsxTableReader.open(file, "Kişiler", ReadLimits.DEFAULT)) {
            assertThat(reader.header()).containsExactly("Ad", "Tutar", "Tarih");
            TableRow row = reader.next();
            assertThat(row.number()).isEqualTo(2);
            assertThat(row.cells().subList(0, 2)).containsExactly(CsvTableReaderTests.TURKISH, "1234.5");
            // Excel keeps dates as serial numbers; the date conversion turns 45351 back into 29.02.2024
            assertThat(row.cells().get(2)).isEqualTo("45351");
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void aFormulaWithoutStoredResultFailsItsRow() throws IOException {
        File file = workbook("formulas.xlsx", wb -> {
            Worksheet sheet = wb.newWorksheet("S");
            sheet.value(0, 0, "Ad");
            sheet.value(0, 1, "Toplam");
            sheet.value(1, 0, "Ali");
            sheet.formula(1, 1, "SUM(1,2)");
            sheet.value(2, 0, "Veli");
            sheet.value(2, 1, 3);
        });
        try (XlsxTableReader reader = XlsxTableReader.open(file, null, ReadLimits.DEFAULT)) {
            assertThat(reader.next().problem()).isEqualTo("import.row.formulaWithoutValue");
            TableRow second = reader.next();
            assertThat(second.problem()).isNull();
            assertThat(second.cells()).containsExactly("Veli", "3");
        }
    }

    @Test
    void anUnknownSheetAndANonWorkbookAreClearProblems() throws IOException {
        File file = workbook("one.xlsx", wb -> wb.newWorksheet("Only").value(0, 0, "Ad"));
        assertThatThrownBy(() -> XlsxTableReader.open(file, "Missing", ReadLimits.DEFAULT))
                .isInstanceOfSatisfying(ImportFileException.class, e -> assertThat(e.code()).isEqualTo("import.file.sheetUnknown"));
        File text = dir.resolve("not.xlsx").toFile();
        Files.writeString(text.toPath(), "Ad,Soyad\n");
        assertThatThrownBy(() -> XlsxTableReader.open(text, null, ReadLimits.DEFAULT))
                .isInstanceOfSatisfying(ImportFileException.class, e -> assertThat(e.code()).isEqualTo("import.file.xlsxUnreadable"));
    }

    @Test
    void aZipBombIsRefusedBeforeAnythingIsInflated() throws IOException {
        File bomb = dir.resolve("bomb.xlsx").toFile();
        try (ZipOutputStream zip = new ZipOutputStream(new FileOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(bomb.length()).isLessThan(1 << 20);
        assertThatThrownBy(() -> XlsxTableReader.open(bomb, null, ReadLimits.DEFAULT))
                .isInstanceOfSatisfying(ImportFileException.class, e -> assertThat(e.code()).isEqualTo("import.file.zipBomb"));
    }
}
