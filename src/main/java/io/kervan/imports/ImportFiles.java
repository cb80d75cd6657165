package io.kervan.imports;

import io.kervan.imports.reading.CsvTableReader;
import io.kervan.imports.reading.ImportFileException;
import io.kervan.imports.reading.ReadLimits;
import io.kervan.imports.reading.TableReader;
import io.kervan.imports.reading.TextEncodings;
import io.kervan.imports.reading.XlsxTableReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Opens a job's stored file as a table: CSV straight from the database, XLSX through a temporary file
 * (a zip needs random access), deleted on close.
 */
@Component
class ImportFiles {

    private final ImportJobRepository jobs;
    private final ReadLimits limits = ReadLimits.DEFAULT;

    ImportFiles(ImportJobRepository jobs) {
        this.jobs = jobs;
    }

    /** What a reader found out about the file, shown to the user. */
    record Opened(TableReader reader, String encoding, String delimiter, String sheet, List<String> sheets,
            File temporary) implements AutoCloseable {

        @Override
        public void close() {
            reader.close();
            if (temporary != null) {
                temporary.delete();
            }
        }
    }

    Opened open(UUID jobId, String format, ImportMapping mapping) {
        if ("xlsx".equals(format)) {
            File file = temporaryCopy(jobId);
            try {
                List<String> sheets = XlsxTableReader.sheetNames(file, limits);
                XlsxTableReader reader = XlsxTableReader.open(file, mapping.sheet(), limits);
                return new Opened(reader, null, null, reader.sheetName(), sheets, file);
            } catch (RuntimeException e) {
                file.delete();
                throw e;
            }
        }
        CsvTableReader reader = CsvTableReader.open(jobs.openFile(jobId), TextEncodings.named(mapping.encoding()),
                delimiter(mapping.delimiter()), limits);
        return new Opened(reader, reader.encoding().name(), String.valueOf(reader.delimiter()), null, List.of(), null);
    }

    /** {@code xlsx} for a zip that is a workbook, else {@code csv}. */
    static String format(String fileName, byte[] start) {
        boolean zip = start.length >= 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4;
        if (zip) {
            return "xlsx";
        }
        if (fileName != null && fileName.toLowerCase().endsWith(".xlsx")) {
            throw new ImportFileException("import.file.xlsxUnreadable");
        }
        return "csv";
    }

    static Character delimiter(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("auto")) {
            return text != null && text.equals("\t") ? '\t' : null;
        }
        return switch (text.toLowerCase()) {
            case "tab", "\\t", "\t" -> '\t';
            case "comma" -> ',';
            case "semicolon" -> ';';
            default -> {
                if (text.length() != 1) {
                    throw new ImportFileException("import.file.delimiter");
                }
                yield text.charAt(0);
            }
        };
    }

    private File temporaryCopy(UUID jobId) {
        try {
            File file = Files.createTempFile("kervan-import-", ".xlsx").toFile();
            try (InputStream in = jobs.openFile(jobId)) {
                Files.copy(in, file.toPath(), StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
