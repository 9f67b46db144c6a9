package io.alter8.command.user;

import io.alter8.api.common.UserId;

import java.util.List;

/**
 * The rules that keep a user's data from erasure for now, because the law or a contract needs it kept (an open lease;
 * money owed, once leases carry money). A port of the user account, faked in fixture tests.
 */
interface RetentionRules {

    /** One rule that holds: its stable name (the 409 names it) and why it holds for this user. */
    record Retention(String rule, String why) {
    }

    /** Every rule that forbids erasing {@code user} now; empty if none does. */
    List<Retention> holding(UserId user);
}
