package io.kervan.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchQueryTests {

    @Test
    void foldsEachWordOfTheQuery() {
        assertThat(SearchQuery.parse("ŞEKERCİ  İstanbul").terms()).containsExactly("sekerci", "istanbul");
    }

    @Test
    void searchesPhoneLikeQueriesInE164() {
        assertThat(SearchQuery.parse("+90 532 123 4567").terms()).containsExactly("+905321234567");
        assertThat(SearchQuery.parse("0532 123 45 67").terms()).containsExactly("+905321234567");
    }

    @Test
    void neutralisesLikeWildcards() {
        assertThat(SearchQuery.parse("100%_").terms()).containsExactly("100");
        assertThat(SearchQuery.parse("%%")).isNull();
        assertThat(SearchQuery.parse("   ")).isNull();
    }

    @Test
    void keepsUserTextOutOfTheSql() {
        SearchQuery query = SearchQuery.parse("x'); drop table companies; --");
        assertThat(query.sqlPredicate("c")).doesNotContain("drop").contains(":searchLike0");
        assertThat(query.parameters()).containsValue("%drop%");
    }
}
