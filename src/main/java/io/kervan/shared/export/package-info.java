/**
 * Streaming list exports (CSV with BOM, XLSX) shared by every module: rows are read page by page
 * through the modules' keyset paging (so through the visibility rule) and written straight to the
 * response, so memory stays constant however long the list is.
 */
package io.kervan.shared.export;
