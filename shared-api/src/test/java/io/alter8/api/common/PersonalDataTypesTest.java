package io.alter8.api.common;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The value types of users and their personal data: normalisation, masking and what equality means. */
class PersonalDataTypesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void userIdsAreWrittenAsPlainStrings() {
        UUID uuid = UUID.randomUUID();
        assertThat(json.writeValueAsString(new UserId(uuid))).isEqualTo("\"" + uuid + "\"");
        assertThat(json.readValue("\"" + uuid + "\"", UserId.class)).isEqualTo(new UserId(uuid));
        assertThat(new UserId(uuid).toString()).isEqualTo(uuid.toString());
        assertThatThrownBy(() -> UserId.of("42")).hasMessage("user id must be a UUID");
    }

    @Test
    void countriesTravelAsIsoCodes() {
        assertThat(json.writeValueAsString(Country.IN)).isEqualTo("\"IN\"");
        assertThat(json.readValue("\"US\"", Country.class)).isEqualTo(Country.US);
        assertThatThrownBy(() -> Country.fromWire("in")).hasMessage("must be one of: IN, US");
    }

    @Test
    void anEmailAddressIsOneSpellingPerMailbox() {
        assertThat(new EmailAddress("  Priya.Sharma@Example.COM ").value()).isEqualTo("priya.sharma@example.com");
        assertThat(json.writeValueAsString(new EmailAddress("a@b.in"))).isEqualTo("\"a@b.in\"");
        assertThatThrownBy(() -> new EmailAddress("priya@localhost"))
                .hasMessage("email must be an address like name@example.com");
        assertThatThrownBy(() -> new EmailAddress("two@@example.com")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPhoneNumberIsE164() {
        assertThat(new PhoneNumber("+919876543210").value()).isEqualTo("+919876543210");
        assertThatThrownBy(() -> new PhoneNumber("98765 43210"))
                .hasMessage("phone must be in E.164 form, like +919876543210");
        assertThatThrownBy(() -> new PhoneNumber("+0123456789")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void phonesAreMaskedByTheSeedsRule() {
        // mask_phone_number: first 2 characters, XXXXX, the last 3.
        assertThat(new PhoneNumber("+919876543210").masked()).isEqualTo("+9XXXXX210");
        assertThat(Mask.PHONE.apply("+12125550123")).isEqualTo("+1XXXXX123");
        assertThat(Mask.PHONE.apply("9876543210")).isEqualTo("98XXXXX210");
        assertThat(Mask.PHONE.apply("12345")).isEqualTo("XXXXX");
    }

    @Test
    void identityNumbersShowOnlyTheirLastFour() {
        assertThat(Mask.LAST_FOUR.apply("ABCDE1234F")).isEqualTo("XXXXXX234F");
        assertThat(Mask.LAST_FOUR.apply("234123412346")).isEqualTo("XXXXXXXX2346");
        assertThat(Mask.LAST_FOUR.apply("50100123456789")).isEqualTo("XXXXXXXXXX6789");
    }

    @Test
    void shortValuesAreMaskedWhole() {
        // The last four of an SSN are the whole secret: showing "the last four" would show all of it.
        assertThat(Mask.LAST_FOUR.apply("6789")).isEqualTo("XXXX");
        assertThat(Mask.LAST_FOUR.apply("1234567")).isEqualTo("XXXXXXX");
    }

    @Test
    void encryptedValuesAreEqualWhenTheyHoldTheSamePlaintextUnderTheSameKey() {
        EncryptedValue one = new EncryptedValue("k1", EncryptedValue.AES_256_GCM, "AAAA", "fp1", "XXXXXX234F");
        EncryptedValue sameValueOtherIv = new EncryptedValue("k1", EncryptedValue.AES_256_GCM, "BBBB", "fp1",
                                                             "XXXXXX234F");
        EncryptedValue otherValue = new EncryptedValue("k1", EncryptedValue.AES_256_GCM, "AAAA", "fp2", "XXXXXX999F");
        EncryptedValue otherKey = new EncryptedValue("k2", EncryptedValue.AES_256_GCM, "AAAA", "fp1", "XXXXXX234F");

        assertThat(one).isEqualTo(sameValueOtherIv).hasSameHashCodeAs(sameValueOtherIv);
        assertThat(one).isNotEqualTo(otherValue).isNotEqualTo(otherKey);
    }

    @Test
    void anEncryptedValueShowsOnlyItsMaskedFormAndSurvivesJson() {
        EncryptedValue value = new EncryptedValue("k1", EncryptedValue.AES_256_GCM, "AAAA", "fp1", "XXXXXX234F");
        assertThat(value.toString()).isEqualTo("XXXXXX234F");
        assertThat(json.writeValueAsString(value)).isEqualTo(
                "{\"keyId\":\"k1\",\"algorithm\":\"AES-256-GCM\",\"ciphertext\":\"AAAA\",\"fingerprint\":\"fp1\","
                        + "\"masked\":\"XXXXXX234F\"}");
        EncryptedValue read = json.readValue(json.writeValueAsString(value), EncryptedValue.class);
        assertThat(read.ciphertext()).isEqualTo("AAAA");
        assertThatThrownBy(() -> new EncryptedValue("k1", "AES-256-GCM", "not base64!", "fp", "X"))
                .hasMessage("ciphertext must be base64");
    }
}
