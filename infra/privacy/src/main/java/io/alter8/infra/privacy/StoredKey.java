package io.alter8.infra.privacy;

import io.alter8.api.common.UserId;

import java.util.UUID;

/** A row of {@code user_data_key}: a user's data key wrapped by a master key, or the tombstone of a shredded one. */
public record StoredKey(UUID keyId, UserId owner, byte[] wrappedKey, String masterKeyId) {

    public boolean shredded() {
        return wrappedKey == null;
    }
}
