package io.kervan.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchWordsTests {

    @Test
    void countsOneTypoForEachKindOfSlip() {
        assertThat(SearchWords.typos("yildirim", "yildirin")).as("wrong letter").isEqualTo(1);
        assertThat(SearchWords.typos("istanbul", "istanbl")).as("missing letter").isEqualTo(1);
        assertThat(SearchWords.typos("sekerci", "sekkerci")).as("extra letter").isEqualTo(1);
        assertThat(SearchWords.typos("sekerci", "sekreci")).as("swapped neighbours").isEqualTo(1);
    }

    @Test
    void countsTwoSlipsAsTwo() {
        assertThat(SearchWords.typos("yilmaz", "yalmax")).isEqualTo(2);
        assertThat(SearchWords.typos("ahmet", "mehmet")).isEqualTo(2);
        assertThat(SearchWords.typos("", "abc")).isEqualTo(3);
    }
}
