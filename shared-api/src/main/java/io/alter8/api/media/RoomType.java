package io.alter8.api.media;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** The room a medium shows. */
public enum RoomType implements WireEnum {
    BEDROOM, LIVING_ROOM, KITCHEN, BATHROOM, BALCONY, EXTERIOR;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static RoomType fromWire(String value) {
        return WireEnum.fromWire(RoomType.class, value);
    }
}
