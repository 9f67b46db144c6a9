package io.alter8.api.media;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** The kinds of property media; a 360 tour is spelled {@code 360_tour}, as the media collection does. */
public enum MediaKind implements WireEnum {
    IMAGE, VIDEO, TOUR_360, FLOOR_PLAN;

    @JsonValue
    @Override
    public String wire() {
        return this == TOUR_360 ? "360_tour" : WireEnum.super.wire();
    }

    @JsonCreator
    public static MediaKind fromWire(String value) {
        return WireEnum.fromWire(MediaKind.class, value);
    }
}
