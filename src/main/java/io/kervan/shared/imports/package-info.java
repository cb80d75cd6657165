/**
 * Types the business modules share with the imports module: the match of an import row to a stored
 * record. Modules offer {@code findForImport(key, value)} and {@code deleteImported(id, version)}
 * (for undo) on their public services.
 */
package io.kervan.shared.imports;
