package io.alter8.command.privacy;

import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.Mask;
import io.alter8.api.common.UserId;
import io.alter8.infra.privacy.MasterKey;
import io.alter8.infra.privacy.PersonalDataCipher;
import io.alter8.infra.privacy.PersonalDataCorrupted;
import io.alter8.infra.privacy.PersonalDataErased;
import io.alter8.infra.privacy.StoredKey;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCipherTest {

    static final String TEST_MASTER_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_MASTER_KEY = Base64.getEncoder().encodeToString(
            "another-32-byte-master-key-here!".getBytes());

    private final InMemoryDataKeys keys = new InMemoryDataKeys();
    private final PersonalDataCipher cipher = new PersonalDataCipher(keys, MasterKey.of(TEST_MASTER_KEY, true));
    private final UserId priya = UserId.random();
    private final UserId arjun = UserId.random();

    @Test
    void decryptsWhatItEncrypted() {
        EncryptedValue pan = cipher.encrypt(priya, "ABCPE1234F", Mask.LAST_FOUR);

        assertThat(cipher.decrypt(pan)).isEqualTo("ABCPE1234F");
        assertThat(pan.algorithm()).isEqualTo("AES-256-GCM");
        assertThat(pan.masked()).isEqualTo("XXXXXX234F");
        assertThat(pan.ciphertext()).doesNotContain("ABCPE1234F");
        assertThat(Base64.getDecoder().decode(pan.ciphertext())).hasSize(12 + 10 + 16); // IV, text, tag
    }

    @Test
    void masksPhonesByTheSeedsRule() {
        EncryptedValue phone = cipher.encrypt(priya, "+919876543210", Mask.PHONE);
        assertThat(phone.masked()).isEqualTo("+9XXXXX210");
        assertThat(cipher.decrypt(phone)).isEqualTo("+919876543210");
    }

    @Test
    void usesOneKeyPerUser() {
        EncryptedValue first = cipher.encrypt(priya, "ABCPE1234F", Mask.LAST_FOUR);
        EncryptedValue second = cipher.encrypt(priya, "234123412346", Mask.LAST_FOUR);
        EncryptedValue someoneElses = cipher.encrypt(arjun, "ABCPE1234F", Mask.LAST_FOUR);

        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(someoneElses.keyId()).isNotEqualTo(first.keyId());
    }

    @Test
    void theSamePlaintextEncryptsDifferentlyEachTimeYetCompareEqual() {
        EncryptedValue once = cipher.encrypt(priya, "ABCPE1234F", Mask.LAST_FOUR);
        EncryptedValue again = cipher.encrypt(priya, "ABCPE1234F", Mask.LAST_FOUR);
        EncryptedValue other = cipher.encrypt(priya, "ABCPE1234G", Mask.LAST_FOUR);

        assertThat(again.ciphertext()).isNotEqualTo(once.ciphertext());
        assertThat(again).isEqualTo(once);
        assertThat(other).isNotEqualTo(once);
        // Fingerprints are per user: the same number of two users cannot be linked through them.
        assertThat(cipher.encrypt(arjun, "ABCPE1234F", Mask.LAST_FOUR).fingerprint()).isNotEqualTo(once.fingerprint());
    }

    @Test
    void aValueMovedToAnotherUsersKeyDoesNotDecrypt() {
        EncryptedValue priyas = cipher.encrypt(priya, "ABCPE1234F", Mask.LAST_FOUR);
        String arjunsKey = cipher.encrypt(arjun, "AAACR5055K", Mask.LAST_FOUR).keyId();
        EncryptedValue moved = new EncryptedValue(arjunsKey, priyas.algorithm(), priyas.ciphertext(),
                                                  priyas.fingerprint(), priyas.masked());

        assertThatThrownBy(() -> cipher.decrypt(moved)).isInstanceOf(PersonalDataCorrupted.class)
                                                        .hasMessage("personal data failed its integrity check");
    }

    @Test
    void anotherMasterKeyCannotReadTheDataKeys() {
        EncryptedValue pan = cipher.encrypt(priya, "ABCPE1234F", Mask.LAST_FOUR);
        PersonalDataCipher otherService = new PersonalDataCipher(keys, MasterKey.of(OTHER_MASTER_KEY, true));

        assertThatThrownBy(() -> otherService.decrypt(pan)).isInstanceOf(PersonalDataCorrupted.class)
                                                           .hasMessageContaining("was wrapped by master key");
    }

    @Test
    void aWrappedDataKeyThatWasAlteredIsDetected() {
        EncryptedValue pan = cipher.encrypt(priya, "ABCPE1234F", Mask.LAST_FOUR);
        StoredKey stored = keys.findOrCreate(priya, () -> null);
        byte[] altered = stored.wrappedKey().clone();
        altered[20] ^= 1;
        InMemoryDataKeys tampered = new InMemoryDataKeys();
        tampered.findOrCreate(priya, () -> new StoredKey(stored.keyId(), priya, altered, stored.masterKeyId()));

        assertThatThrownBy(() -> new PersonalDataCipher(tampered, MasterKey.of(TEST_MASTER_KEY, true)).decrypt(pan))
                .isInstanceOf(PersonalDataCorrupted.class).hasMessageEndingWith("failed its integrity check");
    }

    @Test
    void anyChangeToCiphertextFingerprintOrMaskIsDetected() {
        EncryptedValue pan = cipher.encrypt(priya, "ABCPE1234F", Mask.LAST_FOUR);
        byte[] bytes = Base64.getDecoder().decode(pan.ciphertext());
        bytes[15] ^= 1;
        String flipped = Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.decrypt(new EncryptedValue(pan.keyId(), pan.algorithm(), flipped,
                                                                   pan.fingerprint(), pan.masked())))
                .isInstanceOf(PersonalDataCorrupted.class);
        assertThatThrownBy(() -> cipher.decrypt(new EncryptedValue(pan.keyId(), pan.algorithm(), pan.ciphertext(),
                                                                   "AAAAAAAAAAAAAAAAAAAAAA", pan.masked())))
                .isInstanceOf(PersonalDataCorrupted.class);
        assertThatThrownBy(() -> cipher.decrypt(new EncryptedValue(pan.keyId(), pan.algorithm(), pan.ciphertext(),
                                                                   pan.fingerprint(), "XXXXXX999F")))
                .isInstanceOf(PersonalDataCorrupted.class);
        assertThatThrownBy(() -> cipher.decrypt(new EncryptedValue(pan.keyId(), pan.algorithm(), "AAAA",
                                                                   pan.fingerprint(), pan.masked())))
                .isInstanceOf(PersonalDataCorrupted.class).hasMessage("ciphertext is too short");
        assertThatThrownBy(() -> cipher.decrypt(new EncryptedValue(pan.keyId(), "ROT13", pan.ciphertext(),
                                                                   pan.fingerprint(), pan.masked())))
                .isInstanceOf(PersonalDataCorrupted.class).hasMessage("unknown algorithm ROT13");
    }

    @Test
    void shreddingAUsersKeyMakesTheirDataUnreadableAndOnlyTheirs() {
        EncryptedValue priyasPan = cipher.encrypt(priya, "ABCPE1234F", Mask.LAST_FOUR);
        EncryptedValue arjunsPan = cipher.encrypt(arjun, "AAACR5055K", Mask.LAST_FOUR);

        cipher.shred(priya);

        assertThatThrownBy(() -> cipher.decrypt(priyasPan)).isInstanceOf(PersonalDataErased.class)
                                                           .hasMessage("this personal data has been erased");
        assertThat(cipher.decrypt(arjunsPan)).isEqualTo("AAACR5055K");
        // The masked form stays: it was never secret.
        assertThat(priyasPan.masked()).isEqualTo("XXXXXX234F");
    }

    @Test
    void nothingIsEncryptedForAShreddedUserAgain() {
        cipher.shred(priya);
        assertThatThrownBy(() -> cipher.encrypt(priya, "ABCPE1234F", Mask.LAST_FOUR))
                .isInstanceOf(PersonalDataErased.class)
                .hasMessage("the personal data of user " + priya + " has been erased");
    }

    @Test
    void aValueOfAnUnknownKeyIsTakenAsErased() {
        EncryptedValue pan = cipher.encrypt(priya, "ABCPE1234F", Mask.LAST_FOUR);
        PersonalDataCipher emptyStore = new PersonalDataCipher(new InMemoryDataKeys(),
                                                               MasterKey.of(TEST_MASTER_KEY, true));
        assertThatThrownBy(() -> emptyStore.decrypt(pan)).isInstanceOf(PersonalDataErased.class);
    }

    @Test
    void theIdentityIndexIsTheSameForEveryUserButDependsOnKindAndMasterKey() {
        String index = cipher.identityIndex("owner_pan", "ABCPE1234F");

        assertThat(cipher.identityIndex("owner_pan", "ABCPE1234F")).isEqualTo(index).doesNotContain("1234");
        assertThat(cipher.identityIndex("tenant_pan", "ABCPE1234F")).isNotEqualTo(index);
        assertThat(new PersonalDataCipher(keys, MasterKey.of(OTHER_MASTER_KEY, true))
                           .identityIndex("owner_pan", "ABCPE1234F")).isNotEqualTo(index);
    }

    @Test
    void theMasterKeyMustBe32Base64Bytes() {
        assertThatThrownBy(() -> MasterKey.of("", false)).hasMessageStartingWith("alter8.privacy.master-key is not set");
        assertThatThrownBy(() -> MasterKey.of("not base64!", false))
                .hasMessage("alter8.privacy.master-key must be base64");
        assertThatThrownBy(() -> MasterKey.of(Base64.getEncoder().encodeToString(new byte[16]), false))
                .hasMessage("alter8.privacy.master-key must be 32 bytes (AES-256), not 16");
    }

    @Test
    void theLocalDevelopmentKeyIsRefusedInProduction() {
        assertThat(MasterKey.of(MasterKey.LOCAL_DEVELOPMENT_KEY, false).isLocalDevelopmentKey()).isTrue();
        assertThat(MasterKey.of(TEST_MASTER_KEY, true).isLocalDevelopmentKey()).isFalse();
        assertThatThrownBy(() -> MasterKey.of(MasterKey.LOCAL_DEVELOPMENT_KEY, true))
                .hasMessageContaining("is the public local development key");
    }

    @Test
    void theMasterKeyIdNamesTheKeyWithoutRevealingIt() {
        MasterKey key = MasterKey.of(TEST_MASTER_KEY, true);
        assertThat(key.id()).hasSize(16).isEqualTo(MasterKey.of(TEST_MASTER_KEY, false).id())
                            .isNotEqualTo(MasterKey.of(OTHER_MASTER_KEY, true).id());
    }
}
