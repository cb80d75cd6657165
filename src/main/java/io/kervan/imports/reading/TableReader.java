package io.kervan.imports.reading;

import java.io.Closeable;
import java.util.List;

/** Streams the rows of an imported table (CSV or one XLSX sheet) after its header row. */
public interface TableReader extends Closeable {

    /** The header row's cells, blank names replaced by "Column N". */
    List<String> header();

    /** The next data row, or {@code null} at the end; blank rows are skipped. */
    TableRow next();

    @Override
    void close();
}
