package io.alter8.infra.local;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Projection lag per command: a sampler polls the query side's processor position while commands are sent, and each
 * command's lag is the time from its answer until the first sample, taken after that answer, at or past the position
 * the answer named. The samples are the resolution: a lag is overstated by at most one poll interval.
 */
final class ProjectionLag {

    private long[] at = new long[1024];
    private long[] position = new long[1024];
    private int size;
    private volatile long highest = Long.MIN_VALUE;

    /** Records that the processor was at {@code position} at {@code nanos}; called by one sampling thread. */
    synchronized void sample(long nanos, long position) {
        if (size == at.length) {
            at = Arrays.copyOf(at, size * 2);
            this.position = Arrays.copyOf(this.position, size * 2);
        }
        at[size] = nanos;
        this.position[size] = position;
        size++;
        highest = Math.max(highest, position);
    }

    synchronized int samples() {
        return size;
    }

    /**
     * Lags in nanoseconds of the commands answered at {@code answeredAt} with {@code positions}, in their order; -1
     * for a command whose position no sample reached, or that named no position (below 0).
     */
    synchronized long[] lags(long[] answeredAt, long[] positions) {
        return lags(answeredAt, positions, Arrays.copyOf(at, size), Arrays.copyOf(position, size));
    }

    /** As {@link #lags(long[], long[])}, over samples in time order. */
    static long[] lags(long[] answeredAt, long[] positions, long[] sampleAt, long[] samplePosition) {
        // The highest position seen by each sample onwards from the start: a position only counts as reached once
        // seen, and a later sample lower than an earlier one (a segment claimed anew) does not unsee it.
        long[] reached = new long[samplePosition.length];
        long high = Long.MIN_VALUE;
        for (int i = 0; i < reached.length; i++) {
            high = Math.max(high, samplePosition[i]);
            reached[i] = high;
        }
        long[] lags = new long[answeredAt.length];
        for (int c = 0; c < answeredAt.length; c++) {
            lags[c] = -1;
            if (positions[c] < 0) {
                continue;
            }
            int from = firstAtLeast(sampleAt, 0, answeredAt[c]);
            int hit = firstAtLeast(reached, from, positions[c]);
            if (hit < reached.length) {
                lags[c] = sampleAt[hit] - answeredAt[c];
            }
        }
        return lags;
    }

    /** Index of the first of the non-decreasing {@code values[from..]} at or past {@code value}. */
    private static int firstAtLeast(long[] values, int from, long value) {
        int lo = from;
        int hi = values.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Polls {@code position} every {@code intervalMillis} on its own thread until {@link Sampler#close()}. */
    Sampler start(LongSupplier position, long intervalMillis) {
        Sampler sampler = new Sampler(position, intervalMillis);
        sampler.thread.start();
        return sampler;
    }

    final class Sampler implements AutoCloseable {

        private final Thread thread;
        private volatile boolean stop;
        private volatile RuntimeException failure;

        private Sampler(LongSupplier position, long intervalMillis) {
            this.thread = new Thread(() -> {
                while (!stop) {
                    try {
                        long p = position.getAsLong();
                        // Taken when the answer is in: the position held at some moment before, never after.
                        sample(System.nanoTime(), p);
                        Thread.sleep(intervalMillis);
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        failure = e;
                        return;
                    }
                }
            }, "projection-lag-sampler");
            thread.setDaemon(true);
        }

        /** Keeps sampling until {@code position} is reached or {@code deadlineNanos} passes; false if it was not. */
        boolean awaitReached(long target, long deadlineNanos) throws InterruptedException {
            while (System.nanoTime() < deadlineNanos) {
                if (failure != null) {
                    throw failure;
                }
                if (highest >= target) {
                    return true;
                }
                Thread.sleep(5);
            }
            return false;
        }

        @Override
        public void close() {
            stop = true;
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
