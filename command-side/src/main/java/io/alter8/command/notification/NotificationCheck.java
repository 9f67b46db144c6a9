package io.alter8.command.notification;

import java.time.LocalDate;

/**
 * A notification that no single event causes but a date does (a lease ending, a payment due or overdue, a
 * subscription renewing): a check of what the rules know against today, run by {@link NotificationChecks}. A run
 * issues what is due through {@link KeyedNotices}, so running it again issues nothing twice.
 */
interface NotificationCheck {

    /** Issues what is due as of {@code today}; answers how many notifications that was. */
    int run(LocalDate today);
}
