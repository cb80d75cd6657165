/**
 * Streaming list exports (CSV with BOM, XLSX) shared by every module: rows come from the module — one
 * query read through a cursor ({@link io.kervan.shared.export.RowSource}, as contacts do), or page by
 * page through its keyset paging — always through its visibility rule, and are written straight to the
 * response, so memory stays constant however long the list is.
 */
package io.kervan.shared.export;
