package io.alter8.infra.local;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Random;

/**
 * The machine's own pace on one core, now: megabytes of SHA-256 a second over a 64 KB buffer. The development
 * machines are virtual, on shared hosts; the same jars measured twice in a row have cost 20–40 % more CPU per command
 * the second time, with a raw commit rate a third lower. This figure, taken in the same run, tells such a slower
 * machine from a slower stack.
 */
final class CpuPace {

    private static final int BUFFER = 64 * 1024;
    /** Hashed first and not counted, so that the loop is compiled before it is timed. */
    private static final Duration WARM = Duration.ofMillis(200);

    private CpuPace() {
    }

    /** MB (10^6 bytes) hashed per second over {@code duration}, after a short warm-up. */
    static double megabytesPerSecond(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("a pace needs some time to measure: " + duration);
        }
        byte[] data = new byte[BUFFER];
        new Random(1).nextBytes(data);
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        hash(sha256, data, WARM.toNanos());
        long started = System.nanoTime();
        long bytes = hash(sha256, data, duration.toNanos());
        return bytes / 1e6 / ((System.nanoTime() - started) / 1e9);
    }

    private static long hash(MessageDigest sha256, byte[] data, long nanos) {
        long end = System.nanoTime() + nanos;
        long bytes = 0;
        do {
            sha256.update(data);
            // Feeding the digest back keeps the work from being optimised away.
            data[0] ^= sha256.digest()[0];
            bytes += data.length;
        } while (System.nanoTime() < end);
        return bytes;
    }
}
