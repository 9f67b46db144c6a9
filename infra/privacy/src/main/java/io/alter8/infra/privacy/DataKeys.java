package io.alter8.infra.privacy;

import io.alter8.api.common.UserId;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Where the wrapped data keys live. */
public interface DataKeys {

    /**
     * The owner's key — shredded or not — or, if they have none yet, {@code newKey}, stored. Two callers racing for
     * the same new owner get the same key.
     */
    StoredKey findOrCreate(UserId owner, Supplier<StoredKey> newKey);

    Optional<StoredKey> find(UUID keyId);

    /** The owner's key or its tombstone, if they ever had one. */
    Optional<StoredKey> ofOwner(UserId owner);

    /** Forgets the owner's key for good and leaves a tombstone, so that none is made for them again. */
    void shred(UserId owner);
}
