package io.kervan.shared;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turkish-aware text folding for search and sorting. Text is always displayed as entered; these
 * forms exist only to compare. {@code "İSTANBUL".toLowerCase()} with the root locale yields
 * {@code "i̇stanbul"} (with a combining dot) — the classic bug this class avoids.
 */
public final class TurkishText {

    private static final Locale TURKISH = Locale.forLanguageTag("tr");

    private TurkishText() {
    }

    /**
     * The search form: lower case with Turkish rules (İ→i, I→ı), then Turkish and other diacritics
     * removed (ı→i, ş→s, ğ→g, ç→c, ö→o, ü→u, é→e …), whitespace collapsed.
     */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(TURKISH).replace('ı', 'i');
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean lastSpace = true;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (!lastSpace) {
                    out.append(' ');
                }
                lastSpace = true;
                continue;
            }
            out.append(c);
            lastSpace = false;
        }
        int end = out.length();
        if (end > 0 && out.charAt(end - 1) == ' ') {
            out.setLength(end - 1);
        }
        return out.toString();
    }

    /**
     * A key that sorts in Turkish alphabetical order under a binary ("C") collation:
     * a b c ç d e f g ğ h ı i j … o ö p r s ş t u ü v y z. Each Turkish letter becomes its Latin
     * neighbour followed by '{' (which sorts after 'z'), so "ç…" comes after every "c…" and before "d".
     */
    public static String sortKey(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.strip().toLowerCase(TURKISH);
        StringBuilder out = new StringBuilder(lower.length() + 8);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            switch (c) {
                case 'ç' -> out.append("c{");
                case 'ğ' -> out.append("g{");
                case 'ı' -> out.append("h{");
                case 'ö' -> out.append("o{");
                case 'ş' -> out.append("s{");
                case 'ü' -> out.append("u{");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
