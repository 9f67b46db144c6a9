package io.alter8.merkle;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The leaf of one stored event: {@code SHA-256(0x00 || data)}, where data is, in this order,
 * <ol>
 *   <li>the event's global position, 8 bytes big-endian;</li>
 *   <li>SHA-256 of its header, UTF-8: event id, aggregate type, aggregate id, sequence number, timestamp, payload
 *       type and payload revision as stored, each followed by a line feed (a missing one empty);</li>
 *   <li>SHA-256 of the payload bytes;</li>
 *   <li>SHA-256 of the metadata bytes (of no bytes when there are none).</li>
 * </ol>
 * The database computes the same bytes in the transaction that stores the event (the trigger of migration
 * {@code V2026_12_06_140}); a test holds the two to the same answer. Hashing the parts first keeps every field at a
 * fixed place, so no two different events share leaf data. One instance reuses its digest: one per thread.
 */
public final class EventLeaf {

    private final MessageDigest digest = MerkleHashes.sha256();
    private final ByteBuffer data = ByteBuffer.allocate(8 + 3 * MerkleHashes.SIZE);

    public byte[] hash(long position, String eventId, String aggregateType, String aggregateId, long sequence,
                       String timestamp, String payloadType, String revision, byte[] payload, byte[] metaData) {
        byte[] payloadDigest = digest.digest(payload);
        byte[] metaDataDigest = digest.digest(metaData == null ? new byte[0] : metaData);
        return fromDigests(position, eventId, aggregateType, aggregateId, sequence, timestamp, payloadType, revision,
                           payloadDigest, metaDataDigest);
    }

    /** The same leaf from the SHA-256 of the payload and of the metadata, where those were computed elsewhere. */
    public byte[] fromDigests(long position, String eventId, String aggregateType, String aggregateId, long sequence,
                              String timestamp, String payloadType, String revision, byte[] payloadDigest,
                              byte[] metaDataDigest) {
        data.clear();
        data.putLong(position);
        String header = line(eventId) + line(aggregateType) + line(aggregateId) + sequence + "\n" + line(timestamp)
                + line(payloadType) + line(revision);
        data.put(digest.digest(header.getBytes(StandardCharsets.UTF_8)));
        data.put(payloadDigest);
        data.put(metaDataDigest);
        digest.update((byte) 0x00);
        return digest.digest(data.array());
    }

    private static String line(String field) {
        return (field == null ? "" : field) + "\n";
    }
}
