package io.alter8.api.media;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/**
 * Who sees a medium: every signed-in user (public), the property's people (agent_only: owner, manager, listing agent),
 * or only its writers (private: owner, manager). The uploader and admins always do.
 */
public enum MediaVisibility implements WireEnum {
    PUBLIC, PRIVATE, AGENT_ONLY;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static MediaVisibility fromWire(String value) {
        return WireEnum.fromWire(MediaVisibility.class, value);
    }
}
