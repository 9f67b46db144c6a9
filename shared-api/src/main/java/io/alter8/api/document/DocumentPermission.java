package io.alter8.api.document;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** What an explicit grant allows: read (download), write (new versions, sign) or admin (grant, revoke). */
public enum DocumentPermission implements WireEnum {
    READ, WRITE, ADMIN;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static DocumentPermission fromWire(String value) {
        return WireEnum.fromWire(DocumentPermission.class, value);
    }
}
