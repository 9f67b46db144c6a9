package io.alter8.api.property;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/**
 * How search results are ordered: newest listed first with featured listings ahead (the default), by rent, by
 * distance from the search point, or by rating.
 */
public enum PropertySort implements WireEnum {
    NEWEST(false), RENT(true), DISTANCE(true), RATING(false);

    private final boolean ascendingByDefault;

    PropertySort(boolean ascendingByDefault) {
        this.ascendingByDefault = ascendingByDefault;
    }

    public boolean ascendingByDefault() {
        return ascendingByDefault;
    }

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static PropertySort fromWire(String value) {
        return WireEnum.fromWire(PropertySort.class, value);
    }
}
