package io.kervan.shared;

import java.util.List;
import java.util.stream.IntStream;
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
    void aPhoneIsSearchableInEveryFormTypedThroughItsE164FormAlone() {
        List<String> searchText = SearchQuery.phoneForms("+905321234567");

        assertThat(searchText).containsExactly("+905321234567");
        for (String typed : List.of("+90 532 123 4567", "0532 123 45 67", "905321234567", "0532123", "4567", "32 12")) {
            SearchQuery query = SearchQuery.parse(typed);
            assertThat(query.terms()).allSatisfy(term -> assertThat(searchText.get(0)).contains(term));
        }
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

    @Test
    void matchesACorrectedWordAsAnAlternativeOfWhatWasTyped() {
        SearchQuery query = SearchQuery.parse("Yildirin ali").withCorrections(word -> List.of("yildirim", "yildiran"));

        assertThat(query.sqlPredicate("c")).isEqualTo(
                "(c.search_text like :searchLike0 or c.search_text like :searchLike0_0 or c.search_text like :searchLike0_1)"
                        + " and (c.search_text like :searchLike1)");
        assertThat(query.parameters()).containsEntry("searchLike0", "%yildirin%").containsEntry("searchLike0_0", "%yildirim%")
                .containsEntry("searchLike0_1", "%yildiran%").containsEntry("searchLike1", "%ali%");
    }

    @Test
    void theWalkFormTestsTheSameWordsAsPlainSubstrings() {
        SearchQuery query = SearchQuery.parse("Yildirin a%li").withCorrections(word -> List.of("yildirim"));

        assertThat(query.sqlWalkPredicate("c")).isEqualTo(
                "(strpos(c.search_text, :searchWord0) > 0 or strpos(c.search_text, :searchWord0_0) > 0)"
                        + " and (strpos(c.search_text, :searchWord1) > 0)");
        assertThat(query.parameters()).containsEntry("searchWord0", "yildirin").containsEntry("searchWord0_0", "yildirim")
                .containsEntry("searchWord1", "ali");
    }

    @Test
    void correctsOnlyWordsOfFiveLettersOrMore() {
        SearchQuery query = SearchQuery.parse("ldir ahmat a1b2c3d4 +90 532").withCorrections(word -> List.of("x" + word));

        assertThat(query.correctedTerms()).extracting(SearchQuery.Term::corrections)
                .containsExactly(List.of(), List.of("xahmat"), List.of(), List.of(), List.of());
    }

    @Test
    void capsTheSearchTextAtTwoThousandBytesWithoutSplittingACharacter() {
        String text = SearchQuery.searchText(java.util.Collections.nCopies(900, "ağ"));

        assertThat(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2_000);
        assertThat(text).startsWith("ag ag").endsWith("ag");
        assertThat(SearchQuery.limitBytes("şşş", 5)).isEqualTo("şş");
        assertThat(SearchQuery.limitBytes("a😀b", 4)).isEqualTo("a");
        assertThat(SearchQuery.limitBytes("a😀b", 5)).isEqualTo("a😀");
    }

    @Test
    void matchesASearchTextWhenEveryWordOrOneOfItsCorrectionsOccursInIt() {
        SearchQuery search = SearchQuery.parse("Yıldırın İzmir").withCorrections(w -> w.equals("yildirin")
                ? List.of("yildirim") : List.of());

        assertThat(search.matches("mehmet yildirim izmir")).isTrue();
        assertThat(search.matches("mehmet yildirin izmir konak")).isTrue();
        assertThat(search.matches("mehmet yildirim ankara")).isFalse();
        assertThat(search.matches("")).isFalse();
    }

    @Test
    void estimatesMatchesFromTheCommonValuesAndTheHistogramOfTheRest() {
        var sample = new SearchEstimates.Sample(1_000_000, List.of("ayse kaya", "ali veli"), new double[] {0.1, 0.1},
                List.of("ahmet kaya", "burak demir", "can kaya", "deniz ak"), 0);

        // 10 % common "ayse kaya", and half of the other 80 %
        assertThat(sample.matches(SearchQuery.parse("kaya"))).isEqualTo(500_000);
        // none in the sample: at most half an entry of the histogram's share
        assertThat(sample.matches(SearchQuery.parse("zeynep"))).isEqualTo(100_000);
        assertThat(new SearchEstimates.Sample(0, List.of(), new double[0], List.of(), 0)
                .matches(SearchQuery.parse("kaya"))).isEqualTo(-1);
    }
    /**
     * The histogram's values are in the search texts' order, about equally many rows apart: the sampled value at
     * which the matches it stands for reach the page places the page, give or take the rows each sampled match
     * stands for.
     */
    @Test
    void placesASearchsFirstMatchesAlongTheOrderOfTheSearchTexts() {
        List<String> values = IntStream.range(0, 101).mapToObj(i -> "name-%03d %s".formatted(i,
                i >= 80 ? "zeynep" : i % 10 == 0 ? "kaya" : "hay")).toList();
        var sample = new SearchEstimates.Sample(100_000, List.of(), new double[0], values, 0);

        // 21 of 101 values are "zeynep" from the 81st on: 20,792 matches, 990 for each sampled one
        var bunched = sample.place(SearchQuery.parse("zeynep"), 51, false);
        assertThat(bunched.rowsBefore()).isEqualTo(80_000);
        assertThat(bunched.matches()).isEqualTo(sample.matches(SearchQuery.parse("zeynep"))).isEqualTo(20_792);
        assertThat(bunched.spread()).isEqualTo(100_000 / 21);
        // evenly spread, 51 of 20,792 matches would lie within the first 245 rows
        assertThat(bunched.evenWalk()).isEqualTo(245);
        assertThat(sample.place(SearchQuery.parse("zeynep"), 51, true).rowsBefore()).isZero();
        // the 5,000th "zeynep" is past the fifth sampled one
        assertThat(sample.place(SearchQuery.parse("zeynep"), 5_000, false).rowsBefore()).isEqualTo(85_000);
        // every tenth value up to the 71st is "kaya"
        assertThat(sample.place(SearchQuery.parse("kaya"), 51, false).rowsBefore()).isZero();
        assertThat(sample.place(SearchQuery.parse("kaya"), 51, true).rowsBefore()).isEqualTo(30_000);
        // more matches wanted than the sampled ones stand for: placed at the end
        assertThat(sample.place(SearchQuery.parse("zeynep"), 30_000, false).rowsBefore()).isEqualTo(100_000);
        // no sampled value matches: placed at the end; no sample: not placed
        assertThat(sample.place(SearchQuery.parse("smith"), 51, false).rowsBefore()).isEqualTo(100_000);
        assertThat(new SearchEstimates.Sample(0, List.of(), new double[0], List.of(), 0)
                .place(SearchQuery.parse("kaya"), 51, false)).isNull();
    }

    /**
     * Postings hold the runs of a–z of the search texts, so only a single word of three or more such letters, with
     * corrections of the same kind, is answered from them; the rest is searched in the texts themselves.
     */
    @Test
    void onlyASingleWordOfLettersAToZIsAnsweredByPostedWords() {
        assertThat(SearchQuery.parse("Zeyn").answeredByPostedWords()).isTrue();
        assertThat(SearchQuery.parse("ÇAĞ").answeredByPostedWords()).as("folded to cag").isTrue();
        assertThat(SearchQuery.parse("ze").answeredByPostedWords()).isFalse();
        assertThat(SearchQuery.parse("zeyn kaya").answeredByPostedWords()).isFalse();
        assertThat(SearchQuery.parse("kaya42").answeredByPostedWords()).isFalse();
        assertThat(SearchQuery.parse("a.kaya").answeredByPostedWords()).isFalse();
        assertThat(SearchQuery.parse("0532 123 45 67").answeredByPostedWords()).isFalse();
        assertThat(SearchQuery.parse("yildirin").withCorrections(w -> List.of("yildirim")).answeredByPostedWords())
                .isTrue();
        assertThat(SearchQuery.parse("yildirin").withCorrections(w -> List.of("yıldırım")).answeredByPostedWords())
                .as("a correction with letters outside a–z").isFalse();
        assertThat(SearchQuery.parse("Zeyn").sqlLikePredicate("v.word")).isEqualTo("(v.word like :searchLike0)");
    }
}
