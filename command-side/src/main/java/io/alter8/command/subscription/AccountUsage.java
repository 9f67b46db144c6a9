package io.alter8.command.subscription;

import io.alter8.api.common.UserId;

import java.time.LocalDate;

/** What an account uses now, as the limits count it: to price a subscription by its units, and to recommend a plan. */
interface AccountUsage {

    int unitsOf(UserId account);

    /** The things of {@code feature} counted against the account: this month's, for a monthly feature. */
    long used(UserId account, String feature, LocalDate today);
}
