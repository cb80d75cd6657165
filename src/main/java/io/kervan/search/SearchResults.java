package io.kervan.search;

import io.kervan.shared.records.RecordType;
import java.util.List;

/**
 * What the global search found for {@code query}: one section per record type, in {@link RecordType} order;
 * {@code words} are the query's folded words, for {@link #highlight}.
 */
public record SearchResults(String query, List<String> words, List<Section> sections) {

    /**
     * Up to the requested number of a type's hits, the most recently updated first ({@link GlobalSearch#ORDER});
     * {@code more} when the list holds further matches.
     */
    public record Section(RecordType type, List<SearchHit> hits, boolean more) {
    }

    /** {@code text} in runs, the ones where a searched word occurs marked (the pages show them in bold). */
    public List<Highlights.Part> highlight(String text) {
        return Highlights.parts(text, words);
    }

    /** The lists' sort parameter that shows a type's matches in the order of the hits, for "show all". */
    public String listSort() {
        return GlobalSearch.ORDER;
    }

    public boolean isEmpty() {
        return sections.stream().allMatch(s -> s.hits().isEmpty());
    }
}
