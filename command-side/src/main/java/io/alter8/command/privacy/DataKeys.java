package io.alter8.command.privacy;

import io.alter8.api.common.UserId;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Where the wrapped data keys live. */
interface DataKeys {

    /**
     * The owner's key — shredded or not — or, if they have none yet, {@code newKey}, stored. Two callers racing for
     * the same new owner get the same key.
     */
    StoredKey findOrCreate(UserId owner, Supplier<StoredKey> newKey);

    Optional<StoredKey> find(UUID keyId);

    /** Forgets the owner's key for good and leaves a tombstone, so that none is made for them again. */
    void shred(UserId owner);
}
