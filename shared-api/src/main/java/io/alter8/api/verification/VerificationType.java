package io.alter8.api.verification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/**
 * What a property verification checks (marketplace model {@code property_verifications.verification_type}):
 * {@code legal} adds the title and legal documents.
 */
public enum VerificationType implements WireEnum {
    STANDARD, PREMIUM, LEGAL;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static VerificationType fromWire(String value) {
        return WireEnum.fromWire(VerificationType.class, value);
    }
}
