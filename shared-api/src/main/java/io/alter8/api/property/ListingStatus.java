package io.alter8.api.property;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** Who sees a listing: only its people ({@code private}), everyone ({@code public}) or everyone, first ({@code featured}). */
public enum ListingStatus implements WireEnum {
    PRIVATE, PUBLIC, FEATURED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static ListingStatus fromWire(String value) {
        return WireEnum.fromWire(ListingStatus.class, value);
    }
}
