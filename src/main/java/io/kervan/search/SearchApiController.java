package io.kervan.search;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** {@code GET /api/v1/search?q=…&limit=5}: the global search over contacts, companies, leads and deals. */
@RestController
@RequestMapping("/api/v1/search")
class SearchApiController {

    private final GlobalSearch search;

    SearchApiController(GlobalSearch search) {
        this.search = search;
    }

    @GetMapping
    Response search(@RequestParam(required = false) String q, @RequestParam(required = false) Integer limit) {
        SearchResults results = search.search(q, limit);
        return new Response(results.query(), results.sections().stream().map(s -> Section.of(results, s)).toList());
    }

    record Response(String query, List<Section> results) {
    }

    /**
     * One record type's hits; {@code more} when its list holds more matches, and {@code list} is the list resource
     * with the same query and order that pages through all of them.
     */
    record Section(String type, List<Hit> items, boolean more, String list) {

        static Section of(SearchResults results, SearchResults.Section section) {
            // As template variables the values are encoded strictly: a "+" or "&" in the query stays itself.
            String list = UriComponentsBuilder.fromPath("/api/v1/" + section.type().resource())
                    .queryParam("q", "{q}").queryParam("sort", "{sort}").encode()
                    .buildAndExpand(results.query(), results.listSort()).toUriString();
            return new Section(section.type().resource(), section.hits().stream().map(Hit::of).toList(),
                    section.more(), list);
        }
    }

    record Hit(UUID id, String title, String company, String email, String phone, BigDecimal value, String currency,
            String status, boolean archived, String href, String page) {

        static Hit of(SearchHit hit) {
            return new Hit(hit.id(), hit.title(), hit.company(), hit.email(), hit.phone(), hit.value(), hit.currency(),
                    hit.status(), hit.archived(), hit.apiPath(), hit.pagePath());
        }
    }
}
