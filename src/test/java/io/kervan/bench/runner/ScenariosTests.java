package io.kervan.bench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScenariosTests {

    @Test
    void theMixedLoadIsEightyPercentReadsAndTwentyPercentWrites() {
        List<Scenario> all = new Scenarios(null).all();

        assertThat(Scenarios.MIXED_WEIGHTS).hasSameSizeAs(all);
        int reads = IntStream.range(0, all.size()).filter(i -> !all.get(i).write()).map(i -> Scenarios.MIXED_WEIGHTS[i]).sum();
        int writes = IntStream.range(0, all.size()).filter(i -> all.get(i).write()).map(i -> Scenarios.MIXED_WEIGHTS[i]).sum();
        assertThat(reads).isEqualTo(80);
        assertThat(writes).isEqualTo(20);
    }
}
