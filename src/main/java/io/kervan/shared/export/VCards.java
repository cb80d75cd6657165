package io.kervan.shared.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** vCard 4.0 (RFC 6350) building: value escaping and CRLF line ends, UTF-8. */
public final class VCards {

    private VCards() {
    }

    /** Escapes {@code \ , ;} and newlines in a property value. */
    public static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ',' -> out.append("\\,");
                case ';' -> out.append("\\;");
                case '\n' -> out.append("\\n");
                case '\r' -> {
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                    out.append("\\n");
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A card being written: add properties, then {@link #writeTo}. */
    public static Card card() {
        return new Card();
    }

    public static final class Card {

        private final StringBuilder text = new StringBuilder("BEGIN:VCARD\r\nVERSION:4.0\r\n");

        /** Adds {@code name:value} as is (the value must be escaped already); skipped when value is null. */
        public Card raw(String name, String value) {
            if (value != null) {
                text.append(name).append(':').append(value).append("\r\n");
            }
            return this;
        }

        /** Adds {@code name:value}, escaping the value; skipped when blank. */
        public Card text(String name, String value) {
            if (value != null && !value.isBlank()) {
                raw(name, escape(value));
            }
            return this;
        }

        public String build() {
            return text + "END:VCARD\r\n";
        }

        public void writeTo(OutputStream out) throws IOException {
            out.write(build().getBytes(StandardCharsets.UTF_8));
        }
    }
}
