package io.kervan.shared.export;

import io.kervan.shared.Slice;
import java.io.IOException;
import java.util.function.Function;

/**
 * The rows of an export, pushed one at a time to a consumer so that no list of all rows is ever held.
 * A module implements it with one streamed query; {@link #paged} adapts keyset paging.
 */
@FunctionalInterface
public interface RowSource<T> {

    /** Hands every row to {@code consumer} in order and returns how many there were. */
    long forEach(RowConsumer<T> consumer) throws IOException;

    /** Receives one row; may write it out. */
    @FunctionalInterface
    interface RowConsumer<T> {
        void accept(T row) throws IOException;
    }

    /**
     * The rows of a keyset-paged list. The first page is read now, before anything is written, so that
     * a bad filter or cursor still answers 400 rather than a broken file.
     */
    static <T> RowSource<T> paged(Function<String, Slice<T>> pages) {
        Slice<T> first = pages.apply(null);
        return consumer -> {
            long rows = 0;
            Slice<T> page = first;
            while (true) {
                for (T item : page.items()) {
                    consumer.accept(item);
                    rows++;
                }
                if (page.nextCursor() == null) {
                    return rows;
                }
                page = pages.apply(page.nextCursor());
            }
        };
    }
}
