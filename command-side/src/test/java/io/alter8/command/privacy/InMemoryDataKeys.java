package io.alter8.command.privacy;

import io.alter8.api.common.UserId;
import io.alter8.infra.privacy.DataKeys;
import io.alter8.infra.privacy.MasterKey;
import io.alter8.infra.privacy.PersonalDataCipher;
import io.alter8.infra.privacy.StoredKey;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The data key table in a map, for tests that need the cipher but no database. */
public class InMemoryDataKeys implements DataKeys {

    private final Map<UserId, StoredKey> byOwner = new ConcurrentHashMap<>();

    /** A cipher over these keys with a fixed test master key. */
    public static PersonalDataCipher cipher() {
        return new PersonalDataCipher(new InMemoryDataKeys(), MasterKey.of(PersonalDataCipherTest.TEST_MASTER_KEY,
                                                                           true));
    }

    @Override
    public StoredKey findOrCreate(UserId owner, Supplier<StoredKey> newKey) {
        return byOwner.computeIfAbsent(owner, o -> newKey.get());
    }

    @Override
    public Optional<StoredKey> find(UUID keyId) {
        return byOwner.values().stream().filter(k -> k.keyId().equals(keyId)).findFirst();
    }

    @Override
    public Optional<StoredKey> ofOwner(UserId owner) {
        return Optional.ofNullable(byOwner.get(owner));
    }

    @Override
    public void shred(UserId owner) {
        byOwner.compute(owner, (o, k) -> new StoredKey(k == null ? UUID.randomUUID() : k.keyId(), o, null, null));
    }
}
