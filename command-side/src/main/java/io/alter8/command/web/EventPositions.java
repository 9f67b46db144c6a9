package io.alter8.command.web;

/** Where an event sits in the global stream: the position a client hands to the query side to read its writes. */
interface EventPositions {

    long positionOf(String aggregateId, long sequenceNumber);
}
