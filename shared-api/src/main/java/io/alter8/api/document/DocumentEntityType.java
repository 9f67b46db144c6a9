package io.alter8.api.document;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** What a document belongs to: it takes its default readers and writers from it. */
public enum DocumentEntityType implements WireEnum {
    PROPERTY, LEASE, USER, VERIFICATION;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static DocumentEntityType fromWire(String value) {
        return WireEnum.fromWire(DocumentEntityType.class, value);
    }
}
