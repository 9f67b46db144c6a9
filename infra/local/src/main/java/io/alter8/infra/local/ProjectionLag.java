package io.alter8.infra.local;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Projection lag per command: a sampler records the query side's processor position while commands are sent, and
 * each command's lag is the time from its answer until the first sample at or past the position the answer named (0
 * when that sample came before the answer: a reader asking once the answer was in would have found it). A sample is
 * recorded when it reaches the client, so it says the processor had that position by then: the samples are the
 * resolution, and a lag is overstated by at most the time between two of them.
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
        // seen, and a later sample lower than an earlier one (a segment claimed anew, its writes committed) does not
        // unsee it.
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
            int hit = firstAtLeast(reached, 0, positions[c]);
            if (hit < reached.length) {
                lags[c] = Math.max(0, sampleAt[hit] - answeredAt[c]);
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

    /** Where the positions come from: each call answers the next one, waiting for it as long as it takes. */
    interface Feed extends AutoCloseable {

        long next() throws InterruptedException;

        /** Ends the feed; a {@link #next()} waiting on another thread returns or fails. */
        @Override
        void close();
    }

    /** A feed that asks for {@code position} every {@code intervalMillis}. */
    static Feed polling(LongSupplier position, long intervalMillis) {
        return new Feed() {
            private boolean first = true;

            @Override
            public long next() throws InterruptedException {
                if (!first) {
                    Thread.sleep(intervalMillis);
                }
                first = false;
                return position.getAsLong();
            }

            @Override
            public void close() {
                // nothing held between calls
            }
        };
    }

    /** Records what {@code feed} answers, on its own thread, until {@link Sampler#close()}. */
    Sampler start(Feed feed) {
        Sampler sampler = new Sampler(feed);
        sampler.thread.start();
        return sampler;
    }

    final class Sampler implements AutoCloseable {

        /** The sampling thread's name, by which the benchmark reads its CPU (Linux keeps 15 characters). */
        static final String THREAD = "lag-sampler";

        private final Thread thread;
        private final Feed feed;
        private volatile boolean stop;
        private volatile RuntimeException failure;

        private Sampler(Feed feed) {
            this.feed = feed;
            this.thread = new Thread(() -> {
                while (!stop) {
                    try {
                        long p = feed.next();
                        // Taken when the position is in: the processor had it at some moment before, never after.
                        sample(System.nanoTime(), p);
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        if (!stop) {
                            failure = e;
                        }
                        return;
                    }
                }
            }, THREAD);
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
            feed.close();
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
