package io.alter8.command.privacy;

import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.Mask;
import io.alter8.api.common.UserId;
import io.alter8.command.CommandSideTest;
import io.alter8.infra.privacy.PersonalDataCipher;
import io.alter8.infra.privacy.PersonalDataErased;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cipher on the command side's {@code user_data_key} table, as the service wires it. */
@CommandSideTest
class DataKeyTableTest {

    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void keepsOneWrappedKeyPerUser() {
        UserId owner = UserId.random();
        EncryptedValue pan = cipher.encrypt(owner, "ABCPE1234F", Mask.LAST_FOUR);
        EncryptedValue account = cipher.encrypt(owner, "50100123456789", Mask.LAST_FOUR);

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM user_data_key WHERE user_id = ?", owner.value());
        assertThat(row.get("key_id")).hasToString(pan.keyId()).hasToString(account.keyId());
        assertThat((byte[]) row.get("wrapped_key")).hasSize(12 + 32 + 16); // IV, AES-256 key, tag
        assertThat((String) row.get("master_key_id")).hasSize(16);
        assertThat(row.get("shredded_at")).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM user_data_key WHERE user_id = ?", Long.class,
                                       owner.value())).isOne();
        assertThat(cipher.decrypt(pan)).isEqualTo("ABCPE1234F");
        assertThat(cipher.decrypt(account)).isEqualTo("50100123456789");
    }

    @Test
    void shreddingLeavesATombstoneAndNothingToDecryptWith() {
        UserId owner = UserId.random();
        EncryptedValue aadhaar = cipher.encrypt(owner, "234123412346", Mask.LAST_FOUR);

        cipher.shred(owner);

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM user_data_key WHERE user_id = ?", owner.value());
        assertThat(row.get("wrapped_key")).isNull();
        assertThat(row.get("master_key_id")).isNull();
        assertThat(row.get("shredded_at")).isNotNull();
        assertThatThrownBy(() -> cipher.decrypt(aadhaar)).isInstanceOf(PersonalDataErased.class);
        assertThatThrownBy(() -> cipher.encrypt(owner, "234123412346", Mask.LAST_FOUR))
                .isInstanceOf(PersonalDataErased.class);
    }

    @Test
    void shreddingTwiceKeepsTheFirstDate() {
        UserId owner = UserId.random();
        cipher.encrypt(owner, "6789", Mask.LAST_FOUR);
        cipher.shred(owner);
        Object first = jdbc.queryForObject("SELECT shredded_at FROM user_data_key WHERE user_id = ?", Object.class,
                                           owner.value());
        cipher.shred(owner);
        assertThat(jdbc.queryForObject("SELECT shredded_at FROM user_data_key WHERE user_id = ?", Object.class,
                                       owner.value())).isEqualTo(first);
    }

    @Test
    void aUserShreddedBeforeAnyKeyNeverGetsOne() {
        UserId owner = UserId.random();
        cipher.shred(owner);
        assertThatThrownBy(() -> cipher.encrypt(owner, "6789", Mask.LAST_FOUR)).isInstanceOf(PersonalDataErased.class);
    }
}
