package io.alter8.api.user;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/**
 * What a user is to Alter8: the union of the marketplace model's roles, the management model's user types
 * ({@code landlord} is {@code owner}) and the readers of history and projections ({@code auditor}, {@code analyst}).
 * One role per user (marketplace model); the management model's {@code user_roles} collapses to it.
 */
public enum Role implements WireEnum {
    OWNER, TENANT, AGENT, FIELD_EXECUTIVE, PROPERTY_MANAGER, ADMIN, SUPER_ADMIN, AUDITOR, ANALYST;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static Role fromWire(String value) {
        return WireEnum.fromWire(Role.class, value);
    }

    /** Roles anyone may sign up for; the others are given by an admin. */
    public boolean isSelfService() {
        return this == OWNER || this == TENANT || this == AGENT || this == PROPERTY_MANAGER;
    }

    /** Admins act on any user; only a super admin gives, takes or acts on these two roles. */
    public boolean isAdmin() {
        return this == ADMIN || this == SUPER_ADMIN;
    }
}
