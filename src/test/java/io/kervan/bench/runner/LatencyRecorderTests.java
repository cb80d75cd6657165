package io.kervan.bench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyRecorderTests {

    @Test
    void percentilesAreNearestRankOverAllRecordedValues() {
        LatencyRecorder first = new LatencyRecorder();
        LatencyRecorder second = new LatencyRecorder();
        // 1..100 ms, split over two threads' recorders and in shuffled order
        for (int ms = 100; ms >= 1; ms--) {
            (ms % 2 == 0 ? first : second).record(ms * 1000L, ms > 98);
        }
        LatencyRecorder all = new LatencyRecorder();
        all.merge(first);
        all.merge(second);
        assertThat(all.count()).isEqualTo(100);
        assertThat(all.errors()).isEqualTo(2);
        assertThat(all.percentileMillis(50)).isEqualTo(50.0);
        assertThat(all.percentileMillis(95)).isEqualTo(95.0);
        assertThat(all.percentileMillis(99)).isEqualTo(99.0);
        assertThat(all.percentileMillis(100)).isEqualTo(100.0);
    }

    @Test
    void aSingleValueIsEveryPercentileAndNoValuesIsNotANumber() {
        LatencyRecorder one = new LatencyRecorder();
        one.record(1_500, false);
        assertThat(one.percentileMillis(50)).isEqualTo(1.5);
        assertThat(one.percentileMillis(99)).isEqualTo(1.5);
        assertThat(new LatencyRecorder().percentileMillis(95)).isNaN();
    }

    @Test
    void growsPastItsInitialCapacity() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 1; i <= 10_000; i++) {
            recorder.record(i, false);
        }
        assertThat(recorder.percentileMillis(99)).isEqualTo(9.9);
    }
}
