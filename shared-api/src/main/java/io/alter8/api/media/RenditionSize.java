package io.alter8.api.media;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** The smaller versions made of every image: each fits a square of {@code edge} pixels, never enlarged. */
public enum RenditionSize implements WireEnum {
    THUMBNAIL(200), MEDIUM(800), LARGE(1600);

    private final int edge;

    RenditionSize(int edge) {
        this.edge = edge;
    }

    public int edge() {
        return edge;
    }

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static RenditionSize fromWire(String value) {
        return WireEnum.fromWire(RenditionSize.class, value);
    }
}
