package io.alter8.command.user;

import io.alter8.api.common.EncryptedValue;
import io.alter8.api.user.UserRegistered;
import io.alter8.command.CommandSideTest;
import io.alter8.command.auth.TestUsers;
import io.alter8.infra.privacy.PersonalDataCipher;
import io.alter8.infra.privacy.PersonalDataErased;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.TestTokens;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import static io.alter8.command.user.ProfileTestData.aadhaar;
import static io.alter8.command.user.ProfileTestData.pan;
import static io.alter8.command.user.UserProfileApiTest.tenantProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Names, e-mail, phone and date of birth in the event store, before and after an erasure: new events hold them only
 * encrypted under the person's key, so once an admin erases the person none of their events yields them, while every
 * row stays and the hash chain still verifies. Events stored before the encryption (written here as revision 1) read
 * as plain text until the erasure and as erased after it, and auditors never see them plain.
 */
@CommandSideTest
class PersonalDataInEventsErasureTest {

    static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    PersonalDataCipher cipher;
    ApiClient anonymous;
    ApiClient admin;
    ApiClient auditor;

    @BeforeEach
    void setUp() {
        anonymous = new ApiClient("http://localhost:" + port);
        admin = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "admin"));
        auditor = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "auditor"));
    }

    String storedPayloads(UUID user) {
        return String.join("\n", jdbc.queryForList(
                "SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number", String.class, user.toString()));
    }

    /** Every encrypted value in the user's events as the aggregate and the read side receive them. */
    List<EncryptedValue> encryptedValues(UUID user) {
        List<EncryptedValue> values = new ArrayList<>();
        eventStore.readEvents(user.toString()).asStream().map(EventMessage::getPayload)
                  .forEach(payload -> collect(payload, values));
        return values;
    }

    static void collect(Object value, List<EncryptedValue> into) {
        if (value instanceof EncryptedValue encrypted) {
            into.add(encrypted);
        } else if (value instanceof Collection<?> elements) {
            elements.forEach(element -> collect(element, into));
        } else if (value != null && value.getClass().isRecord()
                && value.getClass().getName().startsWith("io.alter8.")) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    collect(component.getAccessor().invoke(value), into);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    List<String> readable(List<EncryptedValue> values) {
        return values.stream().map(cipher::plainUnlessErased).filter(v -> v != null).toList();
    }

    Response erase(UUID user) {
        return admin.post("/api/users/" + user + "/erase", "{\"reason\": \"the user's request\"}");
    }

    void assertTheLogVerifies(UUID user) {
        for (String query : List.of("", "?aggregateType=user-account&id=" + user)) {
            Response verify = auditor.get("/api/audit/verify" + query);
            assertThat(verify.status()).as(verify.body()).isEqualTo(200);
            assertThat(verify.json().path("result").asString()).as(verify.body()).isEqualTo("intact");
        }
    }

    @Test
    void aPersonsNewEventsHoldTheirNameContactsAndBirthDateOnlyEncryptedAndNoneReadsAfterTheirErasure() {
        TestUsers.User user = TestUsers.register(anonymous, "tenant", PASSWORD);
        ApiClient self = anonymous.withToken(TestTokens.mint(user.id(), "tenant"));
        Response profile = self.put("/api/users/" + user.id() + "/tenant-profile",
                                    tenantProfile(aadhaar(), pan(), "+919812345678", "+919812340000"));
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
        Response renamed = self.put("/api/users/" + user.id() + "/personal-details", """
                {"firstName": "Ashwini", "lastName": "Menon", "preferredLanguage": "hi"}""");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        List<String> personal = List.of(user.email(), user.phone(), "Asha", "Rao", "Ashwini", "Menon", "1990-04-01",
                                        "Meera Rao", "K. Iyer");

        String stored = storedPayloads(user.id());
        for (String value : personal) {
            assertThat(stored).as("stored events of the user").doesNotContain("\"" + value + "\"");
        }
        // Until the erasure the person's own events yield every one of them, to those who hold the key.
        assertThat(readable(encryptedValues(user.id()))).containsAll(personal);
        Response history = auditor.get("/api/audit/user-account/" + user.id() + "/events");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        for (String value : personal) {
            assertThat(history.body()).as("the auditor's history").doesNotContain("\"" + value + "\"");
        }
        assertThat(history.body()).contains("\"A***\"", "\"M***\"");

        Response erased = erase(user.id());

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        List<EncryptedValue> after = encryptedValues(user.id());
        assertThat(after).isNotEmpty();
        for (EncryptedValue value : after) {
            assertThatThrownBy(() -> cipher.decrypt(value)).isInstanceOf(PersonalDataErased.class);
        }
        assertThat(storedPayloads(user.id())).startsWith(stored);
        assertTheLogVerifies(user.id());
    }

    @Test
    void aRegistrationStoredInPlainTextReadsUntilTheErasureThenAsErasedAndAuditorsSeeItMasked() {
        UUID user = UUID.randomUUID();
        String email = "legacy-" + user + "@example.com";
        jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, 0, 'UserAccount', ?, 'io.alter8.api.user.UserRegistered', '1', ?, ?)""",
                    UUID.randomUUID().toString(), user.toString(), Instant.now().toString(), """
                {"userId": "%s", "email": "%s", "phone": "+919811122233", "firstName": "Lakshmi",
                 "lastName": "Pillai", "role": "tenant", "country": "IN", "preferredLanguage": "en",
                 "registeredBy": null}""".formatted(user, email).getBytes(StandardCharsets.UTF_8),
                    "{}".getBytes(StandardCharsets.UTF_8));

        UserRegistered registered = (UserRegistered) eventStore.readEvents(user.toString()).asStream()
                                                               .findFirst().orElseThrow().getPayload();
        assertThat(registered.email().storedPlain()).isTrue();
        assertThat(cipher.decrypt(registered.email())).isEqualTo(email);
        assertThat(cipher.decrypt(registered.firstName())).isEqualTo("Lakshmi");
        Response history = auditor.get("/api/audit/user-account/" + user + "/events");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        JsonNode shown = history.json().path("events").path(0).path("payload");
        assertThat(shown.path("firstName").asString()).isEqualTo("L***");
        assertThat(shown.path("email").asString()).isEqualTo("l***@***.com");
        assertThat(shown.path("phone").asString()).isEqualTo("+9XXXXX233");
        assertThat(history.body()).doesNotContain("Lakshmi", "Pillai", email, "+919811122233");

        Response erased = erase(user);

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        List<EncryptedValue> values = encryptedValues(user);
        assertThat(values).hasSize(4);
        for (EncryptedValue value : values) {
            assertThatThrownBy(() -> cipher.decrypt(value)).isInstanceOf(PersonalDataErased.class);
        }
        assertTheLogVerifies(user);
    }
}
