package io.kervan.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's search text turned into SQL over a {@code search_text} column that holds the
 * {@link TurkishText#fold folded} searchable fields. Each word must match, either as a substring
 * ({@code like}, served by a trigram index) or, to tolerate a typo, by trigram word similarity
 * ({@code <%}). A query that looks like a phone number also matches its E.164 form, so
 * {@code +90 532 123 4567} finds {@code 0532 123 45 67}.
 */
public final class SearchQuery {

    private static final int MAX_TERMS = 6;
    private static final int MAX_QUERY = 200;

    private final List<String> terms;

    private SearchQuery(List<String> terms) {
        this.terms = terms;
    }

    /** Parses the query; {@code null} when there is nothing to search for. */
    public static SearchQuery parse(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        String trimmed = query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query;
        String limited = trimmed.replaceAll("\\p{Cntrl}", " ");
        if (PhoneNumbers.looksLikePhone(limited)) {
            String phone = PhoneNumbers.toE164(limited).orElse(limited.replaceAll("[^0-9+]", ""));
            return new SearchQuery(List.of(phone));
        }
        List<String> terms = new ArrayList<>();
        for (String word : TurkishText.fold(limited).split(" ")) {
            String term = word.replace("\\", "").replace("%", "").replace("_", "");
            if (!term.isEmpty() && terms.size() < MAX_TERMS) {
                terms.add(term);
            }
        }
        return terms.isEmpty() ? null : new SearchQuery(List.copyOf(terms));
    }

    /** The condition over {@code alias.search_text}; bind {@link #parameters()} with it. */
    public String sqlPredicate(String alias) {
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            String column = alias + ".search_text";
            String term = terms.get(i);
            // Short words are matched as substrings only: trigram similarity of one or two letters is noise.
            conditions.add(term.length() < 4
                    ? "(" + column + " like :searchLike" + i + ")"
                    : "(" + column + " like :searchLike" + i + " or :searchTerm" + i + " <% " + column + ")");
        }
        return String.join(" and ", conditions);
    }

    public Map<String, Object> parameters() {
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            params.put("searchLike" + i, "%" + terms.get(i) + "%");
            params.put("searchTerm" + i, terms.get(i));
        }
        return params;
    }

    public List<String> terms() {
        return terms;
    }

    /** Builds a {@code search_text} value from the searchable fields of a record. */
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
        return text.toString();
    }

    /** Searchable forms of a phone: E.164, its digits, and the national form with a leading 0 (TR). */
    public static List<String> phoneForms(String e164) {
        if (e164 == null) {
            return List.of();
        }
        List<String> forms = new ArrayList<>(List.of(e164, e164.substring(1)));
        if (e164.startsWith("+90")) {
            forms.add("0" + e164.substring(3));
        }
        return forms;
    }
}
