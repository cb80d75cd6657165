package io.kervan.shared.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import io.kervan.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportWritersTests {

    static final String TURKISH = "İĞÜŞÖÇığüşöç";

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaGetsALeadingApostrophe() {
        assertThat(Cells.neutralise("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(Cells.neutralise("+90 532")).isEqualTo("'+90 532");
        assertThat(Cells.neutralise("-1")).isEqualTo("'-1");
        assertThat(Cells.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Cells.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(Cells.neutralise("\rx")).isEqualTo("'\rx");
        assertThat(Cells.neutralise("Acme = good")).isEqualTo("Acme = good");
        assertThat(Cells.neutralise("")).isEmpty();
        assertThat(Cells.neutralise(null)).isNull();
    }

    @Test
    void csvStartsWithAByteOrderMarkAndKeepsTurkishLetters() throws IOException {
        byte[] bytes = csv(List.of("Ad", "Tutar"), List.of(TURKISH, new BigDecimal("-12.50")));
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("Ad,Tutar\r\n" + TURKISH + ",-12.50\r\n");
    }

    @Test
    void csvNeutralisesFormulasButNotRealNumbers() throws IOException {
        String text = new String(csv(List.of("a", "b", "c"), List.of("=1+2", new BigDecimal("-3"), "-3")),
                StandardCharsets.UTF_8);
        assertThat(text).endsWith("'=1+2,-3,'-3\r\n");
    }

    @Test
    void csvQuotesCommasQuotesAndNewlines() throws IOException {
        String text = new String(csv(List.of("a"), List.of("Acme, \"Ltd\"\nİzmir")), StandardCharsets.UTF_8);
        assertThat(text).endsWith("\"Acme, \"\"Ltd\"\"\nİzmir\"\r\n");
    }

    @Test
    void xlsxIsAWorkbookWhoseSheetHoldsTheTextAsPlainStringsAndNumbersAsNumbers() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportWriter writer = ExportWriter.of(ExportFormat.XLSX, out);
        writer.header(List.of("Ad", "Tutar", "Formül"));
        writer.row(List.of(TURKISH, new BigDecimal("-12.5"), "=HYPERLINK(\"x\")"));
        writer.finish();
        String sheet = unescape(entry(out.toByteArray(), "xl/worksheets/sheet1.xml"));
        assertThat(sheet).contains("<t>" + TURKISH + "</t>").contains("t=\"n\"><v>-12.5</v>")
                .contains("<t>'=HYPERLINK(\"x\")</t>").doesNotContain("<f>");
        assertThat(entry(out.toByteArray(), "xl/workbook.xml")).contains("Export");
    }

    @Test
    void anUnknownFormatIsRefused() {
        assertThat(ExportFormat.parse("XLSX", ExportFormat.TABULAR)).isEqualTo(ExportFormat.XLSX);
        assertThat(ExportFormat.parse(null, ExportFormat.TABULAR)).isEqualTo(ExportFormat.CSV);
        assertThatThrownBy(() -> ExportFormat.parse("pdf", ExportFormat.TABULAR))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ExportFormat.parse("vcf", Set.of(ExportFormat.CSV)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void vCardValuesEscapeCommasSemicolonsBackslashesAndNewlines() {
        assertThat(VCards.escape("a,b;c\\d\ne\r\nf")).isEqualTo("a\\,b\\;c\\\\d\\ne\\nf");
        assertThat(VCards.card().text("ORG", "Acme; Ltd").text("TITLE", " ").build())
                .isEqualTo("BEGIN:VCARD\r\nVERSION:4.0\r\nORG:Acme\\; Ltd\r\nEND:VCARD\r\n");
    }

    static byte[] csv(List<String> header, List<?> row) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportWriter writer = ExportWriter.of(ExportFormat.CSV, out);
        writer.header(header);
        writer.row(row);
        writer.finish();
        return out.toByteArray();
    }

    /** The XML with its character references resolved. */
    static String unescape(String xml) {
        String text = java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(xml)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                        Character.toString(Integer.parseInt(m.group(1), 16))));
        return text.replace("&apos;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** Reads one entry through the zip's central directory, as spreadsheet programs do. */
    static String entry(byte[] zip, String name) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".xlsx");
        try {
            java.nio.file.Files.write(file, zip);
            try (ZipFile workbook = new ZipFile(file.toFile())) {
                ZipEntry entry = workbook.getEntry(name);
                if (entry == null) {
                    throw new AssertionError("no " + name + " in the workbook");
                }
                return new String(workbook.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
