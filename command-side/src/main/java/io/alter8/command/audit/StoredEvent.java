package io.alter8.command.audit;

/** One row of the event store as it is stored: the bytes an auditor checks, before any upcaster. */
record StoredEvent(long position, String eventId, String aggregateType, String aggregateId, long sequence,
                   String payloadType, String revision, String timestamp, byte[] payload, byte[] metaData) {
}
