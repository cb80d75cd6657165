package io.kervan.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last few answers of a pure function of a short text, for values one row of an import asks about several
 * times (a phone number, an e-mail address). Emptied when full, so it stays small and needs no eviction order:
 * it only has to remember what the last few rows asked — an import holds two batches of 500 rows at once (one
 * planned ahead while the other is written), each value in the form it was typed and in its normal form.
 */
final class RecentAnswers<V> {

    private final int capacity;
    private final Map<String, V> answers = new ConcurrentHashMap<>();

    RecentAnswers(int capacity) {
        this.capacity = capacity;
    }

    /** The remembered answer for {@code key}, or {@code null}. */
    V get(String key) {
        return answers.get(key);
    }

    void remember(String key, V answer) {
        if (answers.size() >= capacity) {
            answers.clear();
        }
        answers.put(key, answer);
    }
}
