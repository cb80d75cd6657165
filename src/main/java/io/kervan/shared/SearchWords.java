package io.kervan.shared;

import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vocabulary of searchable words per record type ({@code search_words}, kept by database triggers on
 * every table with a {@code search_text}; see migration V0061) and the typo tolerance built on it: a query
 * word of five letters or more that occurs in no known word is corrected to the known words one typo
 * away — one letter wrong, missing, extra, or two neighbours swapped — and the search then matches those.
 *
 * <p>Looking typos up in the vocabulary (tens of thousands of words) instead of comparing the query with
 * every record's text keeps a typo search as fast as an exact one at a million records.
 */
@Component
public class SearchWords {

    /** Shorter words are only matched as typed: one typo in a four-letter word leaves too many neighbours. */
    public static final int MIN_CORRECTED_LENGTH = 5;
    private static final int CANDIDATES = 30;
    private static final int MAX_CORRECTIONS = 3;
    private static final int MAX_TYPOS = 1;

    private final JdbcClient jdbc;

    public SearchWords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Parses a user's search text for the record type {@code scope} ({@code contacts}, {@code companies} …)
     * with corrections for its unknown words; {@code null} when there is nothing to search for.
     */
    @Transactional(readOnly = true)
    public SearchQuery parse(String scope, String text) {
        SearchQuery query = SearchQuery.parse(text);
        return query == null ? null : query.withCorrections(word -> corrections(scope, word));
    }

    /** Known words one typo away from {@code word}, closest first; none when {@code word} itself occurs. */
    List<String> corrections(String scope, String word) {
        // Both lookups are planned for their values. A generic plan (PostgreSQL's choice for a prepared statement
        // after five runs) cannot see that a pattern's trigrams are rare and reads the scope's part of the primary
        // key instead: 25 ms for the 46,000 company words against 0.1 ms through the trigram index. The
        // similarity threshold is the lowest similarity one typo can leave a word of this length with (two
        // neighbours swapped in the middle change four of its n + 1 trigrams), so no typo is missed.
        int n = word.length();
        double threshold = Math.max(0.15, (n - 3) / (double) (n + 5) - 0.01);
        String planning = jdbc.sql("""
                select current_setting('plan_cache_mode'), set_config('plan_cache_mode', 'force_custom_plan', true),
                       set_config('pg_trgm.similarity_threshold', :threshold, true)""")
                .param("threshold", String.valueOf(threshold)).query((rs, row) -> rs.getString(1)).single();
        boolean known = jdbc.sql("""
                select exists (select 1 from search_words where scope = :scope and word like :pattern)""")
                .param("scope", scope).param("pattern", "%" + word + "%").query(Boolean.class).single();
        List<String> corrections = known ? List.of() : similar(scope, word);
        // Back to the caller's planning for the rest of its transaction (the list query). On an error the
        // transaction ends, and the local settings with it.
        jdbc.sql("select set_config('plan_cache_mode', :mode, true)").param("mode", planning).query(String.class)
                .single();
        return corrections;
    }

    /** The trigram index narrows the vocabulary to similar words; the edit distance decides. */
    private List<String> similar(String scope, String word) {
        List<String> similar = jdbc.sql("""
                select word from search_words
                 where scope = :scope and word % :word
                 order by similarity(word, :word) desc, word
                 limit :candidates""")
                .param("scope", scope).param("word", word).param("candidates", CANDIDATES)
                .query(String.class).list();
        return similar.stream()
                .filter(candidate -> typos(candidate, word) <= MAX_TYPOS)
                .sorted(Comparator.comparingInt((String candidate) -> typos(candidate, word)))
                .limit(MAX_CORRECTIONS)
                .toList();
    }

    /**
     * The number of single-letter edits (replace, insert, delete, swap two neighbours) that turn {@code a}
     * into {@code b}: the optimal-string-alignment distance.
     */
    static int typos(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
