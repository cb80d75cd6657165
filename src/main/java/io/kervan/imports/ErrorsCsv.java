package io.kervan.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.Consumer;

/**
 * Writes an import's problems as CSV: {@code row,column,value,message} (plus {@code phase} for undo),
 * UTF-8 with a byte order mark so that Excel shows Turkish letters. Values that a spreadsheet would run
 * as formulas are prefixed with an apostrophe.
 */
final class ErrorsCsv {

    private ErrorsCsv() {
    }

    static void write(Writer out, Consumer<Consumer<ImportJobRepository.StoredProblem>> problems) {
        try {
            out.write('\uFEFF');
            out.write("row,column,value,message,phase\r\n");
            problems.accept(p -> {
                try {
                    out.write(p.rowNumber() + "," + cell(p.column()) + "," + cell(p.value()) + "," + cell(p.message())
                            + "," + p.phase() + "\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
