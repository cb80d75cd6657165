package io.kervan.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A user's search text turned into SQL over a {@code search_text} column that holds the
 * {@link TurkishText#fold folded} searchable fields. Each word must occur as a substring ({@code like},
 * served by the column's trigram index). A word may carry corrections — known words it is one typo
 * away from, found by {@link SearchWords} — and then matches any of them too. A query that looks like a
 * phone number matches its E.164 form, so {@code +90 532 123 4567} finds {@code 0532 123 45 67}.
 *
 * <p>Why substrings and not trigram similarity ({@code <%}) on the records: similarity has to be
 * rechecked on every candidate row the index returns — tens of thousands for a common name at a million
 * contacts, seconds per query — while a substring match with a page limit stops after the first page.
 * Typos are resolved against the small vocabulary of known words instead.
 */
public final class SearchQuery {

    private static final int MAX_TERMS = 6;
    private static final int MAX_QUERY = 200;

    /** One word of the query and the known words it may have been a typo of. */
    public record Term(String text, List<String> corrections) {

        /** A word worth correcting: letters only, long enough that one typo still leaves it recognisable. */
        public boolean correctable() {
            return text.length() >= SearchWords.MIN_CORRECTED_LENGTH && text.chars().allMatch(Character::isLetter);
        }

        /**
         * Whether the word or one of its corrections occurs in {@code searchText}. A plain loop: estimates try it
         * on about a thousand sampled values per list query, where a stream per value was a tenth of a global
         * search's CPU in the app.
         */
        boolean occursIn(String searchText) {
            if (searchText.contains(text)) {
                return true;
            }
            for (String correction : corrections) {
                if (searchText.contains(correction)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final List<Term> terms;

    private SearchQuery(List<Term> terms) {
        this.terms = terms;
    }

    /** Parses the query without corrections; {@code null} when there is nothing to search for. */
    public static SearchQuery parse(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        String trimmed = query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query;
        String limited = trimmed.replaceAll("\\p{Cntrl}", " ");
        if (PhoneNumbers.looksLikePhone(limited)) {
            String phone = PhoneNumbers.toE164(limited).orElse(limited.replaceAll("[^0-9+]", ""));
            return new SearchQuery(List.of(new Term(phone, List.of())));
        }
        List<Term> terms = new ArrayList<>();
        for (String word : TurkishText.fold(limited).split(" ")) {
            String term = word.replace("\\", "").replace("%", "").replace("_", "");
            if (!term.isEmpty() && terms.size() < MAX_TERMS) {
                terms.add(new Term(term, List.of()));
            }
        }
        return terms.isEmpty() ? null : new SearchQuery(List.copyOf(terms));
    }

    /** The same query with each correctable word's corrections, as {@code corrector} finds them. */
    public SearchQuery withCorrections(Function<String, List<String>> corrector) {
        return new SearchQuery(terms.stream()
                .map(t -> t.correctable() ? new Term(t.text(), List.copyOf(corrector.apply(t.text()))) : t)
                .toList());
    }

    /** The condition over {@code alias.search_text}; bind {@link #parameters()} with it. */
    public String sqlPredicate(String alias) {
        return sqlLikePredicate(alias + ".search_text");
    }

    /**
     * The same condition as {@link #sqlPredicate}, with {@code strpos} in place of {@code like}, for rows that a
     * query reads one by one anyway (a walk along a sort index, {@link KeysetQuery#page}). Both mean "occurs as a
     * substring": the query's words hold no {@code like} wildcards ({@link #parse} drops {@code %}, {@code _} and
     * {@code \}). The difference is planning: PostgreSQL estimates a {@code like} by testing the pattern against
     * the column's 1,000-entry statistics (V0069), about 1 ms every time the query is planned, which the global
     * search's four lists did on every request; a {@code strpos} it does not estimate. Where the trigram index
     * should find the rows, only {@code like} will do. Bind {@link #parameters()}.
     */
    public String sqlWalkPredicate(String alias) {
        String column = alias + ".search_text";
        return everyWord(parameter -> "strpos(" + column + ", :searchWord" + parameter + ") > 0");
    }

    /**
     * Every word (or one of its typo corrections) must match: {@code test} turns a parameter suffix ({@code 0},
     * {@code 0_1} for word 0's second correction) into the condition for that word.
     */
    private String everyWord(java.util.function.Function<String, String> test) {
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            List<String> alternatives = new ArrayList<>();
            alternatives.add(test.apply(String.valueOf(i)));
            for (int j = 0; j < terms.get(i).corrections().size(); j++) {
                alternatives.add(test.apply(i + "_" + j));
            }
            conditions.add("(" + String.join(" or ", alternatives) + ")");
        }
        return String.join(" and ", conditions);
    }

    /**
     * {@link #sqlPredicate}'s condition over any text {@code column}, such as a vocabulary of posted words
     * ({@link KeysetQuery#postings}); bind {@link #parameters()}.
     */
    public String sqlLikePredicate(String column) {
        return everyWord(parameter -> column + " like :searchLike" + parameter);
    }

    /**
     * Whether postings of whole words answer this query exactly: a single word that, like each of its corrections,
     * is at least three of the letters a–z. Such a word occurs in a search text exactly when it occurs in one of the
     * text's maximal runs of a–z, which are the posted words (V0086). Digits, Turkish letters the folding kept, more
     * than one word, or fewer than three letters (which no trigram finds) leave it to the search text itself.
     */
    public boolean answeredByPostedWords() {
        if (terms.size() != 1) {
            return false;
        }
        Term term = terms.get(0);
        return isPostedWord(term.text()) && term.corrections().stream().allMatch(SearchQuery::isPostedWord);
    }

    private static boolean isPostedWord(String word) {
        if (word.length() < MIN_POSTED_WORD) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    static final int MIN_POSTED_WORD = 3;

    /** The bind parameters of both {@link #sqlPredicate} and {@link #sqlWalkPredicate}. */
    public Map<String, Object> parameters() {
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            Term term = terms.get(i);
            params.put("searchLike" + i, "%" + term.text() + "%");
            params.put("searchWord" + i, term.text());
            for (int j = 0; j < term.corrections().size(); j++) {
                params.put("searchLike" + i + "_" + j, "%" + term.corrections().get(j) + "%");
                params.put("searchWord" + i + "_" + j, term.corrections().get(j));
            }
        }
        return params;
    }

    /**
     * Whether a {@code search_text} value matches, as {@link #sqlPredicate} decides it in SQL: every word, or one
     * of its corrections, occurs in it. Used to estimate a search's matches on a sample of values.
     */
    public boolean matches(String searchText) {
        for (Term term : terms) {
            if (!term.occursIn(searchText)) {
                return false;
            }
        }
        return true;
    }

    /** The folded words searched for, without corrections. */
    public List<String> terms() {
        return terms.stream().map(Term::text).toList();
    }

    public List<Term> correctedTerms() {
        return terms;
    }

    /**
     * Builds a {@code search_text} value from the searchable fields of a record, in their order, cut at
     * {@value #MAX_SEARCH_TEXT_BYTES} bytes of UTF-8: the text is also kept in the lists' name indexes
     * (V0070), whose entries must stay well under PostgreSQL's B-tree limit of about 2,700 bytes. A
     * typical contact's text is 150 bytes; only the tail of an extreme record (dozens of e-mails and
     * companies) stops being searchable.
     */
    public static String searchText(Iterable<String> values) {
        StringBuilder text = new StringBuilder();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(TurkishText.fold(value));
            }
        }
        return limitBytes(text.toString(), MAX_SEARCH_TEXT_BYTES);
    }

    static final int MAX_SEARCH_TEXT_BYTES = 2_000;

    /** The longest prefix of {@code text} whose UTF-8 form fits in {@code max} bytes, never splitting a character. */
    static String limitBytes(String text, int max) {
        if (text.length() * 3 <= max) {
            return text;
        }
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > max) {
                break;
            }
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return text.substring(0, i);
    }

    /**
     * What a phone adds to a search text: its E.164 form alone. Search matches substrings, and the digits alone
     * ({@code 905321234567}), the national form ({@code 05321234567}) and any run of digits a user types are all
     * substrings of {@code +905321234567}; a query that looks like a whole number is turned into E.164 first
     * ({@link #parse}). Writing the other forms too only lengthened every search text and the indexes carrying it.
     */
    public static List<String> phoneForms(String e164) {
        return e164 == null ? List.of() : List.of(e164);
    }
}
