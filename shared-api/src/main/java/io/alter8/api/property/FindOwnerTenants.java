package io.alter8.api.property;

import io.alter8.api.common.UserId;

/**
 * The tenants related to an owner's properties, current and past: one item per relation. {@code sort} is
 * {@code since} or {@code lastName}.
 */
public record FindOwnerTenants(UserId ownerId, int page, int size, String sort, boolean ascending) {
}
