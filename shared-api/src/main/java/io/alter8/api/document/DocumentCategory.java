package io.alter8.api.document;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** The broad kind of a document, as the document store files it. */
public enum DocumentCategory implements WireEnum {
    LEGAL, FINANCIAL, IDENTITY, PROPERTY, VERIFICATION;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static DocumentCategory fromWire(String value) {
        return WireEnum.fromWire(DocumentCategory.class, value);
    }
}
