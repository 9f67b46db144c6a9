package io.alter8.api.user;

import io.alter8.api.common.UserId;

import java.time.Instant;

/**
 * A mandate in force: the owner, the property manager acting for them (names only, null while the user directory
 * does not know them yet), and since when.
 */
public record ManagementMandateView(Person owner, Person manager, Instant since) {

    public record Person(UserId id, String firstName, String lastName) {
    }
}
