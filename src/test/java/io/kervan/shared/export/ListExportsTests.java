package io.kervan.shared.export;

import io.kervan.shared.InvalidInputException;
import io.kervan.shared.Slice;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListExportsTests {

    final List<Object> events = new ArrayList<>();
    final ListExports exports = new ListExports(messages(), events::add, new TransactionTemplate(new NoTransactions()),
            Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
    final ListExports.Request request = new ListExports.Request("company", "companies", ExportFormat.CSV, "q=x",
            UUID.randomUUID());

    static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("n", Locale.ENGLISH, "Number");
        messages.setUseCodeAsDefaultMessage(true);
        return messages;
    }

    /** Pages of 200 numbers, {@code total} in all, cursors being the next start. */
    static Slice<Integer> page(String cursor, int total) {
        int start = cursor == null ? 0 : Integer.parseInt(cursor);
        int end = Math.min(total, start + ListExports.PAGE_SIZE);
        return new Slice<>(IntStream.range(start, end).boxed().toList(), end < total ? Integer.toString(end) : null);
    }

    @Test
    void everyPageIsWrittenAndTheExportIsAnnouncedWithItsRowCount() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        exports.table(response, request, List.of(ExportColumn.of("n", n -> n)), cursor -> page(cursor, 450));
        String[] lines = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(451);
        assertThat(lines[450]).isEqualTo("449");
        assertThat(response.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"companies-2026-11-23.csv\"");
        assertThat(events).singleElement().isInstanceOfSatisfying(ListExported.class, e -> {
            assertThat(e.rows()).isEqualTo(450);
            assertThat(e.format()).isEqualTo("csv");
            assertThat(e.filters()).isEqualTo("q=x");
        });
    }

    @Test
    void aFilterRefusedOnTheFirstPageLeavesTheResponseUntouched() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThatThrownBy(() -> exports.table(response, request, List.of(ExportColumn.of("n", n -> n)),
                cursor -> {
                    throw new InvalidInputException("sort", "validation.sort");
                })).isInstanceOf(InvalidInputException.class);
        assertThat(response.getHeader("Content-Disposition")).isNull();
        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void streamedRowsReachTheResponseWhileTheSourceIsStillProducingThem() throws Exception {
        int total = 200_000;
        MockHttpServletResponse response = new MockHttpServletResponse();
        long[] bytesAtHalfway = {-1};
        RowSource<Integer> rows = consumer -> {
            for (int n = 0; n < total; n++) {
                if (n == total / 2) {
                    bytesAtHalfway[0] = response.getContentAsByteArray().length;
                }
                consumer.accept(n);
            }
            return total;
        };
        exports.streamedTable(response, request, List.of(ExportColumn.of("n", n -> n)), rows);
        int length = response.getContentAsByteArray().length;
        // nothing collects the rows: half of the file has gone out (less what the writers' buffers hold,
        // some 140 KB) before the second half of the rows exists
        assertThat(length).isGreaterThan(1_000_000);
        assertThat(bytesAtHalfway[0]).isGreaterThan(length / 2 - 256 * 1024).isLessThan(length);
        assertThat(events).singleElement().isInstanceOfSatisfying(ListExported.class,
                e -> assertThat(e.rows()).isEqualTo(total));
    }

    @Test
    void aVCardLikeExportOfStreamedRowsIsWrittenRecordByRecord() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        RowSource<String> rows = consumer -> {
            consumer.accept("a");
            consumer.accept("b");
            return 2;
        };
        exports.streamedRecords(response, request, rows,
                (row, out) -> out.write(("<" + row + ">").getBytes(StandardCharsets.UTF_8)));
        assertThat(response.getContentAsString()).isEqualTo("<a><b>");
        assertThat(events).singleElement().isInstanceOfSatisfying(ListExported.class,
                e -> assertThat(e.rows()).isEqualTo(2));
    }

    @Test
    void filtersLeaveOutEmptyAndFalseValues() {
        assertThat(ListExports.filters("q", "ada", "ownerId", null, "includeArchived", false, "sort", "", "stale", true))
                .isEqualTo("q=ada&stale=true");
    }

    static final class NoTransactions implements PlatformTransactionManager {

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
        }

        @Override
        public void rollback(TransactionStatus status) {
        }
    }
}
