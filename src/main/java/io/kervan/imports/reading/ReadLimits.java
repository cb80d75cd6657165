package io.kervan.imports.reading;

/**
 * Bounds that keep a hostile file from exhausting memory or time.
 *
 * @param maxCellChars longer cells make their row fail (the rest of the cell is skipped, never held)
 * @param maxColumns more columns than this make the file unreadable
 * @param maxUncompressedBytes the most an XLSX may inflate to in total
 * @param maxCompressionRatio an XLSX entry compressed better than this (and larger than 1 MB) is a zip bomb
 */
public record ReadLimits(int maxCellChars, int maxColumns, long maxUncompressedBytes, int maxCompressionRatio) {

    public static final ReadLimits DEFAULT = new ReadLimits(32_768, 500, 1L << 30, 200);
}
