package io.kervan.imports.reading;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Recognises the encodings that spreadsheets export: UTF-8 with or without a byte order mark, UTF-16
 * with one, and Windows-1254 (what Turkish Excel writes as "CSV"). Bytes that are valid UTF-8 are taken
 * as UTF-8; anything else as Windows-1254, which decodes every byte.
 */
public final class TextEncodings {

    public static final Charset WINDOWS_1254 = Charset.forName("windows-1254");
    /** How many leading bytes detection looks at. */
    public static final int SAMPLE_BYTES = 64 * 1024;

    private TextEncodings() {
    }

    /** The encoding's name as shown and accepted as override: {@code UTF-8}, {@code UTF-16LE}, {@code windows-1254} … */
    public static Charset detect(byte[] sample, int length) {
        if (startsWith(sample, length, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(sample, length, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        if (startsWith(sample, length, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        if (looksBinary(sample, length)) {
            throw new ImportFileException("import.file.binary");
        }
        return isUtf8(sample, length) ? StandardCharsets.UTF_8 : WINDOWS_1254;
    }

    /** An encoding named by the user ({@code auto} or blank means detect). */
    public static Charset named(String name) {
        if (name == null || name.isBlank() || name.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return switch (name.strip().toLowerCase(Locale.ROOT)) {
                case "utf-16" -> StandardCharsets.UTF_16;
                case "cp1254", "windows-1254", "turkish" -> WINDOWS_1254;
                default -> Charset.forName(name.strip());
            };
        } catch (IllegalArgumentException e) {
            throw new ImportFileException("import.file.encodingUnknown", name);
        }
    }

    /** How many bytes of byte order mark lead the sample for this charset. */
    public static int bomLength(byte[] sample, int length, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8) && startsWith(sample, length, 0xEF, 0xBB, 0xBF)) {
            return 3;
        }
        if ((charset.equals(StandardCharsets.UTF_16LE) && startsWith(sample, length, 0xFF, 0xFE))
                || (charset.equals(StandardCharsets.UTF_16BE) && startsWith(sample, length, 0xFE, 0xFF))) {
            return 2;
        }
        return 0;
    }

    /** A zip (XLSX) or NUL bytes: no text encoding makes a table of it. */
    static boolean looksBinary(byte[] sample, int length) {
        if (startsWith(sample, length, 'P', 'K', 3, 4)) {
            return true;
        }
        int control = 0;
        for (int i = 0; i < length; i++) {
            int b = sample[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != 0x0C) {
                control++;
            }
        }
        return length > 0 && control * 20 > length;
    }

    private static boolean isUtf8(byte[] sample, int length) {
        // A multi-byte character may be cut at the end of the sample: ignore up to 3 trailing bytes of it.
        int end = length;
        if (length == SAMPLE_BYTES) {
            int back = 0;
            while (back < 3 && end > 0 && (sample[end - 1] & 0xC0) == 0x80) {
                end--;
                back++;
            }
            if (end > 0 && (sample[end - 1] & 0xC0) == 0xC0) {
                end--;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(sample, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] sample, int length, int... prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((sample[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
