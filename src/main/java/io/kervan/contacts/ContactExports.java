package io.kervan.contacts;

import io.kervan.identity.Visibility;
import io.kervan.identity.VisibilityScope;
import io.kervan.shared.Keyset;
import io.kervan.shared.KeysetQuery;
import io.kervan.shared.export.RowSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rows of a contact export: the contacts the user may see under the list's filters and sort, read by
 * one query streamed through a cursor in one read-only transaction (a million contacts must not mean
 * five thousand page queries, nor a list of a million rows). Primary companies are named, as in the list,
 * only where the user may see them: for a user who sees every record, with the name the contacts module
 * keeps on the link (ADR 3; it follows renames right after they commit), so that a million-row export
 * makes no million company lookups; for everyone else through {@link CompanyLinks}, a batch of rows at a
 * time.
 */
@Component
class ContactExports {

    private static final String FIRST_EMAIL =
            "(select e.email from contact_emails e where e.contact_id = c.id order by e.position limit 1)";
    private static final String FIRST_PHONE =
            "(select p.phone from contact_phones p where p.contact_id = c.id order by p.position limit 1)";

    /**
     * The list's columns, but with the first e-mail and phone and the primary company joined rather than
     * looked up row by row (three index lookups per row took 40 of the 45 s a million rows took).
     * E-mails and phones are written at positions 0, 1, … ({@link ContactChildren}), so the first is
     * found by a join on position 0; the row-by-row lookup remains only as the fallback where no
     * position 0 exists (a contact without e-mails, or positions written otherwise).
     */
    static final String COLUMNS = """
            c.id, c.first_name, c.last_name, c.title, c.owner_id, c.archived_at, c.updated_at,
            coalesce(e.email, %s) as email, coalesce(p.phone, %s) as phone, k.company_id,
            k.company_name as kept_company_name"""
            .formatted(FIRST_EMAIL, FIRST_PHONE);
    static final String FROM = """
            contacts c
              left join contact_emails e on e.contact_id = c.id and e.position = 0
              left join contact_phones p on p.contact_id = c.id and p.position = 0
              left join contact_companies k on k.contact_id = c.id and k.is_primary""";

    /** Rows per round trip to the database. */
    static final int FETCH_SIZE = 2_000;
    /** Rows whose companies are named with one question to the companies module. */
    static final int NAMING_BATCH = 1_000;

    private final JdbcClient jdbc;
    private final ContactQueries queries;
    private final Visibility visibility;
    private final CompanyLinks companyLinks;
    private final TransactionTemplate readOnly;

    ContactExports(JdbcClient jdbc, ContactQueries queries, Visibility visibility, CompanyLinks companyLinks,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.visibility = visibility;
        this.companyLinks = companyLinks;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Checks the sort and filters now (a bad one is a 400 before the file starts) and returns the rows,
     * read when the export writes them.
     */
    RowSource<ContactSummary> rows(ContactFilter filter, String sort) {
        Keyset.Sort order = Keyset.parseSort(sort, ContactQueries.SORTABLE, ContactQueries.DEFAULT_SORT);
        VisibilityScope scope = visibility.current();
        KeysetQuery query = queries.filtered(scope, filter);
        return consumer -> {
            try {
                Long rows = readOnly.execute(status -> scope.seesAll() ? streamNamed(query, order, consumer)
                        : stream(query, order, consumer));
                return rows == null ? 0 : rows;
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        };
    }

    /** Every company is visible to the reader: rows go on as read, with the kept company names. */
    private long streamNamed(KeysetQuery query, Keyset.Sort order, RowSource.RowConsumer<ContactSummary> consumer) {
        long[] rows = {0};
        query.stream(jdbc, COLUMNS, FROM, order, FETCH_SIZE, rs -> {
            try {
                consumer.accept(ContactQueries.summary(rs, rs.getString("kept_company_name")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows[0]++;
        });
        return rows[0];
    }

    /** Rows go on a batch at a time, with the names of the companies the reader may see. */
    private long stream(KeysetQuery query, Keyset.Sort order, RowSource.RowConsumer<ContactSummary> consumer) {
        List<ContactSummary> batch = new ArrayList<>(NAMING_BATCH);
        long[] rows = {0};
        query.stream(jdbc, COLUMNS, FROM, order, FETCH_SIZE, rs -> {
            batch.add(ContactQueries.summary(rs, 0));
            if (batch.size() == NAMING_BATCH) {
                rows[0] += hand(batch, consumer);
            }
        });
        return rows[0] + hand(batch, consumer);
    }

    /** Names the batch's companies, hands its rows on and empties it. */
    private int hand(List<ContactSummary> batch, RowSource.RowConsumer<ContactSummary> consumer) {
        try {
            for (ContactSummary contact : companyLinks.forReader(batch)) {
                consumer.accept(contact);
            }
        } catch (IOException e) {
            // the client went away; the callback cannot throw it, rows() rethrows it
            throw new UncheckedIOException(e);
        }
        int handed = batch.size();
        batch.clear();
        return handed;
    }
}
