package io.alter8.api.user;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** The review of an agent's RERA licence (marketplace model, {@code agent_profiles.verification_status}). */
public enum AgentVerificationStatus implements WireEnum {
    PENDING, VERIFIED, SUSPENDED, REJECTED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static AgentVerificationStatus fromWire(String value) {
        return WireEnum.fromWire(AgentVerificationStatus.class, value);
    }
}
