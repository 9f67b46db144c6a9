package io.alter8.command.notification;

/**
 * What the rules keep of the events they read, beyond the one in hand (a lease's parties, its charges, a
 * subscription's period): written by {@link NotificationRules} before any rule runs, in the same transaction as the
 * notifications and the processor's position. Implementations write absolute values or one row per event, so an
 * event seen twice changes nothing.
 */
interface RuleMemory {

    /** Keeps what {@code event} (with the id {@code eventId}) tells, if anything. */
    void record(Object event, String eventId);
}
