package io.kervan.imports.reading;

import java.util.List;

/**
 * One data row of an imported table.
 *
 * @param number the row's number as a spreadsheet shows it (the header is row 1)
 * @param cells the cell texts, {@code null} for an empty cell
 * @param problem a message code when the row itself is broken (too long a cell, a formula without value),
 *        {@code null} when it is readable
 */
public record TableRow(long number, List<String> cells, String problem) {

    public String cell(int index) {
        return index < cells.size() ? cells.get(index) : null;
    }
}
