package io.kervan.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SearchEstimatesTests {

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

    @Test
    void aUserSeesTheirOwnersRowsAndTheSharedRowsOfTheirTeammates() {
        UUID me = UUID.randomUUID();
        UUID mate = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        var sample = new SearchEstimates.Sample(1_000, List.of(), new double[0], List.of("x"),
                Map.of(me, 0.1, mate, 0.2, other, 0.7), 0.5, 0);

        assertThat(sample.visibleShare(null, List.of())).isEqualTo(1);
        assertThat(sample.visibleShare(List.of(me), List.of(me, mate))).isCloseTo(0.1 + 0.5 * 0.2, within(1e-9));
        // an owner too rare to be among the common values counts as the least common one
        assertThat(sample.visibleShare(List.of(UUID.randomUUID()), List.of())).isCloseTo(0.1, within(1e-9));
        // without owner statistics nothing is known: everything may be visible
        assertThat(new SearchEstimates.Sample(1_000, List.of(), new double[0], List.of("x"), 0)
                .visibleShare(List.of(me), List.of())).isEqualTo(1);
    }
}
