package io.kervan.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kervan.IntegrationTest;
import io.kervan.shared.Ids;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class CopyRowsIntegrationTests {

    /** Everything COPY's text format gives a meaning to, and what a spreadsheet cell may hold besides. */
    private static final List<String> HOSTILE = List.of("İĞÜŞÖÇığüşöç", "tab\there", "line\nbreak", "carriage\rreturn",
            "back\\slash", "\\N", "\\.", "", "NULL", "\"quoted\"", "{braces,comma}", "emoji 😀", "'; drop table x; --",
            "trailing\\");

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void everyValueComesBackAsItWasGiven() {
        UUID id = Ids.newId();
        Instant at = Instant.parse("2026-11-24T09:15:30.123456Z");
        List<List<Object>> stored = transactions.execute(status -> {
            createTable();
            CopyRows rows = new CopyRows("copy_probe", "n", "id", "label", "tags", "at", "flag", "doc");
            for (int i = 0; i < HOSTILE.size(); i++) {
                rows.row(i, id, HOSTILE.get(i), HOSTILE, at, i % 2 == 0, "{\"text\": \"a\\tb\\\\c\"}");
            }
            rows.row(HOSTILE.size(), null, null, List.of(), null, null, null);
            assertThat(rows.copyInto(dataSource)).isEqualTo(HOSTILE.size() + 1);
            return read();
        });

        for (int i = 0; i < HOSTILE.size(); i++) {
            assertThat(stored.get(i)).containsExactly(i, id, HOSTILE.get(i), HOSTILE, at, i % 2 == 0, "a\tb\\c");
        }
        assertThat(stored.get(HOSTILE.size())).containsExactly(HOSTILE.size(), null, null, List.of(), null, null, null);
    }

    @Test
    void uuidsAndInstantsComeBackRoundedToTheMicrosecond() {
        List<UUID> ids = List.of(new UUID(0, 0), new UUID(-1, -1), new UUID(0x0123456789abcdefL, 0xfedcba9876543210L),
                UUID.randomUUID(), Ids.newId());
        List<Instant> instants = List.of(Instant.parse("2026-11-24T09:15:30.123456Z"),
                Instant.parse("0999-01-02T03:04:05Z"), Instant.parse("2026-12-31T23:59:59.9999996Z"),
                Instant.parse("2024-02-29T12:00:00.0000004Z"), Instant.parse("1970-01-01T00:00:00.000001Z"));
        List<List<Object>> stored = transactions.execute(status -> {
            createTable();
            CopyRows rows = new CopyRows("copy_probe", "n", "id", "at");
            for (int i = 0; i < ids.size(); i++) {
                rows.row(i, ids.get(i), instants.get(i));
            }
            rows.copyInto(dataSource);
            return read();
        });

        assertThat(stored).extracting(row -> row.get(1)).containsExactlyElementsOf(ids);
        assertThat(stored).extracting(row -> row.get(4)).containsExactly(Instant.parse("2026-11-24T09:15:30.123456Z"),
                Instant.parse("0999-01-02T03:04:05Z"), Instant.parse("2027-01-01T00:00:00Z"),
                Instant.parse("2024-02-29T12:00:00Z"), Instant.parse("1970-01-01T00:00:00.000001Z"));
    }

    @Test
    void rowsRollBackWithTheirTransaction() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("create table copy_probe_kept (n int primary key)").update();
        });
        try {
            transactions.executeWithoutResult(status -> {
                new CopyRows("copy_probe_kept", "n").row(1).row(2).copyInto(dataSource);
                assertThat(count()).isEqualTo(2);
                status.setRollbackOnly();
            });
            assertThat(count()).isZero();
        } finally {
            jdbc.sql("drop table copy_probe_kept").update();
        }
    }

    @Test
    void aViolatedConstraintIsTheUsualDataAccessException() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            createTable();
            new CopyRows("copy_probe", "n").row(1).row(1).copyInto(dataSource);
        })).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsRefused() {
        assertThatThrownBy(() -> new CopyRows("copy_probe", "n", "id").row(1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void createTable() {
        jdbc.sql("""
                create temporary table copy_probe (n int primary key, id uuid, label text, tags text[],
                    at timestamptz, flag boolean, doc jsonb) on commit drop""").update();
    }

    private List<List<Object>> read() {
        List<List<Object>> rows = new ArrayList<>();
        jdbc.sql("select n, id, label, tags, at, flag, doc ->> 'text' from copy_probe order by n")
                .query((ResultSet rs) -> {
                    java.sql.Array tags = rs.getArray(4);
                    OffsetDateTime at = rs.getObject(5, OffsetDateTime.class);
                    rows.add(Arrays.asList(rs.getInt(1), rs.getObject(2, UUID.class), rs.getString(3),
                            tags == null ? null : Arrays.asList((String[]) tags.getArray()),
                            at == null ? null : at.toInstant(), rs.getObject(6), rs.getString(7)));
                });
        return rows;
    }

    private long count() {
        return jdbc.sql("select count(*) from copy_probe_kept").query(Long.class).single();
    }
}
