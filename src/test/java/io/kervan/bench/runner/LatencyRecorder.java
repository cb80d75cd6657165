package io.kervan.bench.runner;

import java.util.Arrays;

/**
 * Latencies of one scenario, in microseconds, kept whole (a five-minute run at 1,000 requests/s is
 * 300,000 longs) so percentiles are exact: nearest-rank on the sorted values. Not thread-safe: each
 * client thread records into its own and the runner {@link #merge merges} them.
 */
public final class LatencyRecorder {

    private long[] micros = new long[1024];
    private int size;
    private long errors;

    public void record(long latencyMicros, boolean error) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = latencyMicros;
        if (error) {
            errors++;
        }
    }

    public void merge(LatencyRecorder other) {
        for (int i = 0; i < other.size; i++) {
            record(other.micros[i], false);
        }
        errors += other.errors;
    }

    public int count() {
        return size;
    }

    public long errors() {
        return errors;
    }

    /** The nearest-rank percentile in milliseconds: the smallest value with at least p % of values at or below it. */
    public double percentileMillis(double percentile) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(micros, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * size);
        return sorted[Math.max(0, Math.min(size, rank) - 1)] / 1000.0;
    }
}
