package io.kervan.search;

import io.kervan.companies.CompanyFilter;
import io.kervan.companies.CompanyService;
import io.kervan.companies.CompanySummary;
import io.kervan.contacts.ContactFilter;
import io.kervan.contacts.ContactService;
import io.kervan.contacts.ContactSummary;
import io.kervan.deals.DealFilter;
import io.kervan.deals.DealService;
import io.kervan.deals.DealSummary;
import io.kervan.leads.LeadFilter;
import io.kervan.leads.LeadService;
import io.kervan.leads.LeadSummary;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.SearchQuery;
import io.kervan.shared.records.RecordType;
import io.kervan.shared.Slice;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches contacts, companies, leads and deals for one query and returns the first few of each type, the most
 * recently updated first.
 *
 * <p>Each type goes through its module's list service with the query as the list's search filter, sorted by
 * {@value #ORDER}, asking for {@code limit} rows and reading the page's "next" cursor as "more". So the box
 * matches exactly what the lists match (substrings of the folded search text, typo corrections, visibility),
 * and "show all" opens the list with the same query in the same order. The four lists are read in one
 * read-only transaction: one connection and one snapshot for the whole answer.
 *
 * <p>Why the most recently updated first, and not the lists' default name order (ADR 10): someone who types
 * "smit" into the box wants the Smith they are working with, not the alphabetically first of 7,500. It is also
 * what keeps a common word cheap. In name order a word's matches can sit far along the order (an English last
 * name's sixth match among a million contacts sorted by first name is 12,000–29,000 entries in); in the order of
 * updates they are spread evenly, so the walk along the covering update index (V0077) finds a handful within
 * a few hundred entries.
 */
@Service
public class GlobalSearch {

    public static final int DEFAULT_LIMIT = 5;
    /** The lists' sort parameter for the order of the hits: most recently updated first. */
    public static final String ORDER = "-updatedAt";
    static final int MAX_LIMIT = 20;
    static final int MAX_QUERY_LENGTH = 200;

    private final ContactService contacts;
    private final CompanyService companies;
    private final LeadService leads;
    private final DealService deals;

    GlobalSearch(ContactService contacts, CompanyService companies, LeadService leads, DealService deals) {
        this.contacts = contacts;
        this.companies = companies;
        this.leads = leads;
        this.deals = deals;
    }

    /**
     * Up to {@code limit} hits of each record type the current user may see.
     *
     * @throws InvalidInputException when the query is blank or too long, or the limit is outside 1–20
     */
    @Transactional(readOnly = true)
    public SearchResults search(String query, Integer limit) {
        String q = checkedQuery(query);
        int n = checkedLimit(limit);
        SearchQuery parsed = SearchQuery.parse(q);
        return new SearchResults(q, parsed == null ? List.of() : parsed.terms(), List.of(
                section(RecordType.CONTACT, contacts.list(new ContactFilter(q, null, null, false), ORDER, null, n),
                        GlobalSearch::hit),
                section(RecordType.COMPANY, companies.list(new CompanyFilter(q, null, false), ORDER, null, n),
                        GlobalSearch::hit),
                section(RecordType.LEAD, leads.list(new LeadFilter(q, null, null, null, false), ORDER, null, n),
                        GlobalSearch::hit),
                section(RecordType.DEAL, deals.list(
                        new DealFilter(q, null, null, null, null, null, false, null, false), ORDER, null, n),
                        GlobalSearch::hit)));
    }

    static String checkedQuery(String query) {
        if (query == null || query.isBlank()) {
            throw new InvalidInputException("q", "validation.required");
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new InvalidInputException("q", "validation.tooLong");
        }
        return query.strip();
    }

    static int checkedLimit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "search.limit");
        }
        return limit;
    }

    private static <T> SearchResults.Section section(RecordType type, Slice<T> page, Function<T, SearchHit> hit) {
        return new SearchResults.Section(type, page.items().stream().map(hit).toList(), page.nextCursor() != null);
    }

    private static SearchHit hit(ContactSummary c) {
        return new SearchHit(RecordType.CONTACT, c.id(), c.displayName(), c.companyName(), c.email(), c.phone(),
                null, null, null, c.archived());
    }

    private static SearchHit hit(CompanySummary c) {
        return new SearchHit(RecordType.COMPANY, c.id(), c.name(), null, c.email(), c.phone(), null, null, null,
                c.archived());
    }

    private static SearchHit hit(LeadSummary l) {
        return new SearchHit(RecordType.LEAD, l.id(), l.displayName(), l.companyName(), l.email(), l.phone(), null,
                null, l.status(), l.archived());
    }

    private static SearchHit hit(DealSummary d) {
        return new SearchHit(RecordType.DEAL, d.id(), d.title(), d.companyName(), null, null, d.value(),
                d.currency(), d.status(), d.archived());
    }
}
