package io.alter8.api.document;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** Who reads a document beyond its explicit grants: every signed-in user (public), the people of its entity (restricted, the default), or only its uploader and admins (private). */
public enum AccessLevel implements WireEnum {
    PUBLIC, PRIVATE, RESTRICTED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static AccessLevel fromWire(String value) {
        return WireEnum.fromWire(AccessLevel.class, value);
    }
}
