package io.alter8.api.property;

import io.alter8.api.common.UserId;

/**
 * An owner's portfolio: every property they own, in any status. {@code sort} is {@code registeredAt},
 * {@code title} or {@code monthlyRent}.
 */
public record FindOwnerProperties(UserId ownerId, int page, int size, String sort, boolean ascending) {
}
