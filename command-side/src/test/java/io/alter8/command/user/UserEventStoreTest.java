package io.alter8.command.user;

import io.alter8.api.common.EmailAddress;
import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.Mask;
import io.alter8.api.common.PhoneNumber;
import io.alter8.api.common.UserId;
import io.alter8.api.user.Actor;
import io.alter8.api.user.BankAccount;
import io.alter8.api.user.BusinessType;
import io.alter8.api.user.OwnerProfile;
import io.alter8.api.user.Role;
import io.alter8.api.user.UpdateOwnerProfile;
import io.alter8.command.CommandSideTest;
import io.alter8.infra.privacy.PersonalDataCipher;
import io.alter8.infra.privacy.PersonalDataErased;
import io.alter8.infra.stack.ApiClient;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the event store holds of a user's personal data, and what shredding their key leaves of it. */
@CommandSideTest
class UserEventStoreTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalDataCipher cipher;

    @Test
    void theStoreHoldsIdentityNumbersAndBankAccountsOnlyEncryptedAndReadableUntilShredded() {
        UserId owner = UserId.random();
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L));
        String account = "5010" + suffix;
        commands.sendAndWait(Registrations.register(cipher, owner, new EmailAddress("owner-" + suffix + "@example.com"),
                                                    new PhoneNumber("+919" + suffix.substring(1)), "Priya", "Sharma",
                                                    Role.OWNER));
        commands.sendAndWait(new UpdateOwnerProfile(owner, new OwnerProfile(
                null, BusinessType.INDIVIDUAL, null, null, null, null, null,
                new BankAccount(cipher.encrypt(owner, account, Mask.LAST_FOUR), "HDFC0001234", "HDFC Bank",
                                cipher.encrypt(owner, "Priya Sharma", Mask.NAME)), null),
                new Actor(owner, Role.OWNER), null));

        String payload = jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type = 'io.alter8.api.user.OwnerProfileUpdated'""",
                String.class, owner.toString());
        assertThat(payload).doesNotContain(account);
        JsonNode stored = ApiClient.json().readTree(payload).path("profile").path("bankAccount").path("accountNumber");
        assertThat(stored.path("masked").asString()).isEqualTo("XXXXXXXXXX" + account.substring(10));
        EncryptedValue fromTheStore = new EncryptedValue(
                stored.path("keyId").asString(), stored.path("algorithm").asString(),
                stored.path("ciphertext").asString(), stored.path("fingerprint").asString(),
                stored.path("masked").asString());
        assertThat(cipher.decrypt(fromTheStore)).isEqualTo(account);
        assertThat(stored.path("keyId").asString()).isEqualTo(jdbc.queryForObject(
                "SELECT key_id FROM user_data_key WHERE user_id = ?", UUID.class, owner.value()).toString());

        cipher.shred(owner);

        assertThatThrownBy(() -> cipher.decrypt(fromTheStore)).isInstanceOf(PersonalDataErased.class);
    }
}
