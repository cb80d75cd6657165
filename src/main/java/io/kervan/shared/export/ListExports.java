package io.kervan.shared.export;

import io.kervan.shared.Ids;
import io.kervan.shared.Slice;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams a list to the HTTP response, row by row as the rows come. The rows come either from a
 * {@link RowSource} (one streamed query of the module, the fast path for long lists) or from the
 * module's keyset paging ({@code cursor → slice}); either way through the module's visibility rule.
 */
@Service
public class ListExports {

    /** Rows read per page. */
    public static final int PAGE_SIZE = 200;
    /** Bytes collected before they go to the response: fewer, larger writes to the socket. */
    private static final int BUFFER_BYTES = 64 * 1024;

    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ListExports(MessageSource messages, ApplicationEventPublisher events, TransactionTemplate transactions,
            Clock clock) {
        this.messages = messages;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The request that an export answers: what, in which format, narrowed how, by whom. */
    public record Request(String recordType, String fileName, ExportFormat format, String filters, UUID actorId) {
    }

    /** Writes a CSV or XLSX table of the pages to the response. */
    public <T> void table(HttpServletResponse response, Request request, List<ExportColumn<T>> columns,
            Function<String, Slice<T>> pages) throws IOException {
        streamedTable(response, request, columns, RowSource.paged(pages));
    }

    /**
     * Writes a CSV or XLSX table of the rows to the response. The source must have checked its filters
     * already (a bad filter is a 400, not a broken file).
     */
    public <T> void streamedTable(HttpServletResponse response, Request request, List<ExportColumn<T>> columns,
            RowSource<T> rows) throws IOException {
        start(response, request);
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), BUFFER_BYTES);
        ExportWriter writer = ExportWriter.of(request.format(), out);
        List<String> headers = new ArrayList<>(columns.size());
        for (ExportColumn<T> column : columns) {
            headers.add(messages.getMessage(column.headerKey(), null, column.headerKey(),
                    LocaleContextHolder.getLocale()));
        }
        writer.header(headers);
        long written = rows.forEach(item -> {
            List<Object> values = new ArrayList<>(columns.size());
            for (ExportColumn<T> column : columns) {
                values.add(column.value().apply(item));
            }
            writer.row(values);
        });
        writer.finish();
        out.flush();
        recorded(request, written);
    }

    /** Writes a file of the pages to the response, each record written by {@code writeOne}. */
    public <T> void records(HttpServletResponse response, Request request, Function<String, Slice<T>> pages,
            RowWriter<T> writeOne) throws IOException {
        streamedRecords(response, request, RowSource.paged(pages), writeOne);
    }

    /** Writes a file of the rows to the response, each record written by {@code writeOne}. */
    public <T> void streamedRecords(HttpServletResponse response, Request request, RowSource<T> rows,
            RowWriter<T> writeOne) throws IOException {
        start(response, request);
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), BUFFER_BYTES);
        long written = rows.forEach(item -> writeOne.write(item, out));
        out.flush();
        recorded(request, written);
    }

    /** Writes one record of a non-tabular export. */
    @FunctionalInterface
    public interface RowWriter<T> {
        void write(T item, OutputStream out) throws IOException;
    }


    private void start(HttpServletResponse response, Request request) {
        String fileName = request.fileName() + "-" + LocalDate.now(clock) + "." + request.format().extension();
        response.setContentType(request.format().contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private void recorded(Request request, long rows) {
        ListExported event = new ListExported(Ids.newId(), request.recordType(), request.format().extension(),
                Math.toIntExact(rows),
                request.actorId(), clock.instant(), request.filters());
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    /** A query string of the non-empty filters, for the audit trail. */
    public static String filters(Object... namesAndValues) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value == null || value.toString().isBlank() || Boolean.FALSE.equals(value)) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append('&');
            }
            text.append(namesAndValues[i]).append('=').append(value);
        }
        return text.toString();
    }
}
