package io.alter8.api.user;

import io.alter8.api.common.UserId;

/**
 * The mandates in force of one owner (the managers they let act for them) or of one property manager (the owners
 * they act for): exactly one of {@code ownerId} and {@code managerId} is set. Newest first.
 */
public record FindManagementMandates(UserId ownerId, UserId managerId, int page, int size) {
}
