package io.kervan.shared.export;

/** Cell text rules shared by every export format. */
public final class Cells {

    private Cells() {
    }

    /**
     * Text that a spreadsheet would run as a formula (starting with {@code = + - @}, tab or carriage
     * return) gets a leading apostrophe, so that opening an export never runs what a user typed.
     */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + text;
        }
        return text;
    }
}
