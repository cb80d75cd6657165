package io.kervan.shared;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeysetTests {

    static final Keyset.Column NAME = new Keyset.Column("name", "c.sort_name", Keyset.Kind.TEXT);

    @Test
    void cursorsSurviveARoundTripIncludingNewlinesInTheValue() {
        Keyset.Cursor cursor = new Keyset.Cursor("şekerci\nçay", UUID.randomUUID());
        assertThat(Keyset.Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void aDamagedCursorIsAFieldError() {
        assertThatThrownBy(() -> Keyset.Cursor.decode("not a cursor")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void descendingSortsCompareTheOtherWay() {
        Keyset.Sort sort = Keyset.parseSort("-name", List.of(NAME), null);
        assertThat(sort.after("c.id")).contains("<");
        assertThat(sort.orderBy("c.id")).isEqualTo("c.sort_name desc, c.id desc");
    }

    @Test
    void onlyWhitelistedColumnsSort() {
        assertThatThrownBy(() -> Keyset.parseSort("name; drop table x", List.of(NAME), null))
                .isInstanceOf(InvalidInputException.class);
    }
}
