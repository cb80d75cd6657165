package io.kervan.search;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search box in the top bar: {@code /search/suggest} answers it as the user types (a dropdown of a few
 * hits per record type), and pressing Enter opens {@code /search}, the same search with more hits per type
 * and a link to each list filtered by the query.
 */
@Controller
@RequestMapping("/search")
class SearchController {

    /** Shorter queries match too much to be worth a round of four searches per keystroke. */
    static final int MIN_SUGGEST_LENGTH = 2;
    static final int SUGGEST_LIMIT = 3;
    static final int PAGE_LIMIT = 10;

    private final GlobalSearch search;

    SearchController(GlobalSearch search) {
        this.search = search;
    }

    @GetMapping
    String page(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("results", results(q, 1, PAGE_LIMIT));
        return "search/page";
    }

    @GetMapping("/suggest")
    String suggest(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("results", results(q, MIN_SUGGEST_LENGTH, SUGGEST_LIMIT));
        return "search/suggest :: suggestions";
    }

    /** The results, or {@code null} when there is nothing (yet) to search for. */
    private SearchResults results(String q, int minLength, int limit) {
        String query = q == null ? "" : q.strip();
        if (query.length() < minLength) {
            return null;
        }
        // A pasted essay is searched by its start, as the lists do, rather than answered with an error page.
        return search.search(query.substring(0, Math.min(query.length(), GlobalSearch.MAX_QUERY_LENGTH)), limit);
    }
}
