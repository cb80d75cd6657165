package io.kervan.search;

import io.kervan.shared.TurkishText;
import java.util.ArrayList;
import java.util.List;

/**
 * Marks where the searched words occur in a text as it is shown, found the way search finds them: on the
 * folded form, so {@code sekerci} marks the {@code Şekerci} in {@code Nilüfer Şekerci}.
 */
public final class Highlights {

    /** A run of the shown text, {@code match} when it is (part of) a searched word. */
    public record Part(String text, boolean match) {
    }

    private Highlights() {
    }

    /** {@code text} cut into runs; one unmatched run when no word occurs (or the text is empty). */
    static List<Part> parts(String text, List<String> words) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        // Fold character by character and remember where each folded character came from, so that a word found
        // in the folded text maps back to the characters shown (folding drops accents and can change lengths).
        StringBuilder folded = new StringBuilder(text.length());
        List<Integer> origin = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String piece = Character.isWhitespace(c) ? " " : TurkishText.fold(String.valueOf(c));
            for (int k = 0; k < piece.length(); k++) {
                folded.append(piece.charAt(k));
                origin.add(i);
            }
        }
        boolean[] marked = new boolean[text.length()];
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            for (int at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) {
                for (int k = at; k < at + word.length(); k++) {
                    marked[origin.get(k)] = true;
                }
            }
        }
        List<Part> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || marked[i] != marked[start]) {
                parts.add(new Part(text.substring(start, i), marked[start]));
                start = i;
            }
        }
        return parts;
    }
}
