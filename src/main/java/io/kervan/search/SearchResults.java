package io.kervan.search;

import java.util.List;

/** What the global search found for {@code query}: one section per record type, in {@link RecordType} order. */
public record SearchResults(String query, List<Section> sections) {

    /**
     * Up to the requested number of a type's hits, in the order of that type's list; {@code more} when the
     * list holds further matches.
     */
    public record Section(RecordType type, List<SearchHit> hits, boolean more) {
    }

    public boolean isEmpty() {
        return sections.stream().allMatch(s -> s.hits().isEmpty());
    }
}
