package io.alter8.command.privacy;

import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.Mask;
import io.alter8.api.common.UserId;
import io.alter8.infra.privacy.PersonalDataCipher;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlaintextComparisonTest {

    private final PersonalDataCipher cipher = InMemoryDataKeys.cipher();
    private final SamePlaintext values = new PlaintextComparison(cipher);
    private final UserId user = UserId.random();

    @Test
    void twoEncryptionsOfOneAddressAreTheSameAndAnotherAddressIsNot() {
        EncryptedValue email = cipher.encrypt(user, "priya@example.com", Mask.EMAIL);

        assertThat(values.same(email, cipher.encrypt(user, "priya@example.com", Mask.EMAIL))).isTrue();
        assertThat(values.same(email, cipher.encrypt(user, "other@example.com", Mask.EMAIL))).isFalse();
        assertThat(values.same(email, null)).isFalse();
        assertThat(values.same(null, null)).isTrue();
    }

    @Test
    void anAddressStoredBeforeEncryptionIsTheSameAsItsEncryptionUntilThePersonIsErased() {
        EncryptedValue stored = EncryptedValue.ofStoredPlain(user.toString(), "priya@example.com", Mask.EMAIL);
        EncryptedValue now = cipher.encrypt(user, "priya@example.com", Mask.EMAIL);

        assertThat(stored).isNotEqualTo(now);
        assertThat(values.same(stored, now)).isTrue();
        assertThat(values.same(now, stored)).isTrue();
        assertThat(values.same(stored, cipher.encrypt(user, "other@example.com", Mask.EMAIL))).isFalse();

        cipher.shred(user);

        assertThat(values.same(stored, now)).isFalse();
    }
}
