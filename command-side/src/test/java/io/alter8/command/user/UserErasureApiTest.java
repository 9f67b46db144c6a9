package io.alter8.command.user;

import io.alter8.api.common.EncryptedValue;
import io.alter8.command.CommandSideTest;
import io.alter8.command.auth.TestUsers;
import io.alter8.infra.privacy.PersonalDataCipher;
import io.alter8.infra.privacy.PersonalDataErased;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.alter8.command.property.PropertyBodies.apartment;
import static io.alter8.command.user.ProfileTestData.aadhaar;
import static io.alter8.command.user.ProfileTestData.pan;
import static io.alter8.command.user.UserProfileApiTest.tenantProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The right to be forgotten over HTTP: a user asks, an admin erases; the user's personal values in past events become
 * unreadable while every event row stays, their e-mail, phone and Aadhaar are free for someone else, their login and
 * tokens stop at once; an open lease forbids it and the refusal names the rule.
 */
@CommandSideTest
class UserErasureApiTest {

    static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    TransactionTemplate tx;
    ApiClient anonymous;
    ApiClient admin;
    TestUsers.User user;
    String aadhaar;

    @BeforeEach
    void setUp() {
        anonymous = new ApiClient("http://localhost:" + port);
        admin = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "admin"));
        user = TestUsers.register(anonymous, "tenant", PASSWORD);
        aadhaar = aadhaar();
        Response profile = as(user.id(), "tenant").put("/api/users/" + user.id() + "/tenant-profile",
                                                        tenantProfile(aadhaar, pan(), "+919812345678", "+919812340000"));
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
    }

    ApiClient as(UUID id, String role) {
        return anonymous.withToken(TestTokens.mint(id, role));
    }

    Response login(TestUsers.User who) {
        return anonymous.post("/api/auth/login", "{\"login\": \"%s\", \"password\": \"%s\"}".formatted(
                who.email(), who.password()));
    }

    Response erase(ApiClient by, UUID id) {
        return by.post("/api/users/" + id + "/erase", "{\"reason\": \"the user's request under the DPDP Act\"}");
    }

    long eventRows() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE type IS NOT NULL", Long.class);
    }

    /** The Aadhaar number as the event store holds it: encrypted under the user's data key. */
    EncryptedValue storedAadhaar(UUID id) {
        String payload = jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type = 'io.alter8.api.user.TenantProfileUpdated'""",
                String.class, id.toString());
        assertThat(payload).doesNotContain(aadhaar);
        JsonNode stored = ApiClient.json().readTree(payload).path("profile").path("aadhaarNumber");
        return new EncryptedValue(stored.path("keyId").asString(), stored.path("algorithm").asString(),
                                  stored.path("ciphertext").asString(), stored.path("fingerprint").asString(),
                                  stored.path("masked").asString());
    }

    @Test
    void aUserAsksAndAnAdminErasesThemTheirDataBecomesUnreadableAndEveryEventRowStays() {
        ApiClient me = anonymous.withToken(login(user).json().path("accessToken").asString());
        assertThat(me.get("/api/auth/sessions").status()).isEqualTo(200);
        EncryptedValue sealed = storedAadhaar(user.id());
        assertThat(cipher.decrypt(sealed)).isEqualTo(aadhaar);

        Response asked = me.post("/api/users/" + user.id() + "/erasure-request", null);
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        long before = eventRows();
        String history = jdbc.queryForObject("""
                SELECT string_agg(encode(sha256(payload), 'hex'), ',' ORDER BY global_index) FROM domain_event_entry
                WHERE aggregate_identifier = ?""", String.class, user.id().toString());

        Response erased = erase(admin, user.id());

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        // One event more, the audited erasure; every earlier row of the user exactly as it was.
        assertThat(eventRows()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("""
                SELECT string_agg(encode(sha256(payload), 'hex'), ',' ORDER BY global_index) FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type <> 'io.alter8.api.user.UserErased'""",
                String.class, user.id().toString())).isEqualTo(history);
        String audited = jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type = 'io.alter8.api.user.UserErased'""",
                String.class, user.id().toString());
        JsonNode event = ApiClient.json().readTree(audited);
        assertThat(event.path("reason").asString()).isEqualTo("the user's request under the DPDP Act");
        assertThat(event.path("requestedByUser").asBoolean()).isTrue();
        assertThat(audited).doesNotContain(user.email()).doesNotContain(user.phone()).doesNotContain("Asha");
        // The ciphertext is still in the store, and nobody can read it any more.
        assertThat(storedAadhaar(user.id())).isEqualTo(sealed);
        assertThatThrownBy(() -> cipher.decrypt(sealed)).isInstanceOf(PersonalDataErased.class);
        assertThat(admin.get("/api/users/" + user.id() + "/personal-data").status()).isEqualTo(410);
        // Tokens stop at once, and there is nothing left to log in with.
        assertThat(me.get("/api/auth/sessions").status()).isEqualTo(401);
        assertThat(login(user).status()).isEqualTo(401);
        // Erasing again changes nothing; nothing of the account can change any more.
        assertThat(erase(admin, user.id()).status()).isEqualTo(200);
        assertThat(eventRows()).isEqualTo(before + 1);
        Response reactivate = admin.post("/api/users/" + user.id() + "/reactivate", null);
        assertThat(reactivate.status()).isEqualTo(409);
        assertThat(reactivate.json().path("type").asString()).endsWith("user-erased");
    }

    @Test
    void anErasedUsersEmailPhoneAndAadhaarAreFreeForSomeoneElse() {
        assertThat(erase(admin, user.id()).status()).isEqualTo(200);

        TestUsers.User next = TestUsers.register(anonymous, user.email(), user.phone(), "tenant", "IN", PASSWORD);
        Response profile = as(next.id(), "tenant").put("/api/users/" + next.id() + "/tenant-profile",
                                                        tenantProfile(aadhaar, pan(), "+919812345678", "+919812340000"));

        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
        assertThat(jdbc.queryForList("SELECT kind FROM user_identity_claim WHERE user_id = ? ORDER BY kind",
                                     String.class, next.id()))
                .containsExactly("email", "phone", "tenant_aadhaar");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM identity_claim_review WHERE user_id = ?", Long.class,
                                       next.id())).isZero();
        assertThat(login(next).status()).isEqualTo(200);
    }

    /** The user's application for a listed apartment: a lease pending, naming them as its tenant. */
    String applyForALease(ApiClient owner) {
        Response property = owner.post("/api/properties", apartment(null, null, "Flat", "25000"));
        String propertyId = property.json().path("id").asString();
        assertThat(owner.put("/api/properties/" + propertyId + "/status", "{\"status\": \"active\"}").status())
                .isEqualTo(200);
        assertThat(admin.put("/api/properties/" + propertyId + "/verification", "{\"status\": \"verified\"}")
                        .status()).isEqualTo(200);
        assertThat(owner.put("/api/properties/" + propertyId + "/listing-status", "{\"status\": \"public\"}")
                        .status()).isEqualTo(200);
        LocalDate start = LocalDate.now(ZoneOffset.UTC);
        Response applied = as(user.id(), "tenant").post("/api/leases", """
                {"propertyId": "%s", "terms": {"startDate": "%s", "endDate": "%s", "noticePeriodDays": 60,
                 "monthlyRent": {"amount": "25000", "currency": "INR"},
                 "securityDeposit": {"amount": "75000", "currency": "INR"}}}"""
                .formatted(propertyId, start, start.plusYears(1)));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        return applied.json().path("id").asString();
    }

    @Test
    void anOpenLeaseForbidsErasureAndTheRefusalNamesTheRule() {
        ApiClient owner = as(UUID.randomUUID(), "owner");
        String lease = applyForALease(owner);
        long before = eventRows();

        Response refused = erase(admin, user.id());

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).hasValue("application/problem+json");
        assertThat(refused.json().path("type").asString()).endsWith("erasure-retained");
        assertThat(refused.json().path("detail").asString()).contains("open-lease").contains(lease);
        assertThat(eventRows()).isEqualTo(before);
        assertThat(login(user).status()).isEqualTo(200);

        // A rejection ends the lease, as a termination would: then nothing holds the account.
        Response rejected = owner.post("/api/leases/" + lease + "/rejection", "{\"reason\": \"let to another\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(erase(admin, user.id()).status()).isEqualTo(200);
    }

    @Test
    void moneyOwedOnALeaseThatEndedAndADepositNotYetRefundedForbidErasureEachByName() throws Exception {
        ApiClient owner = as(UUID.randomUUID(), "owner");
        ApiClient tenant = as(user.id(), "tenant");
        String lease = applyForALease(owner);
        for (ApiClient party : List.of(owner, tenant)) {
            assertThat(party.post("/api/leases/" + lease + "/approval", null).status()).isEqualTo(200);
        }
        assertThat(owner.post("/api/leases/" + lease + "/signatures",
                              "{\"as\": \"owner\", \"signatureUrl\": \"https://sign.example/o\"}").status())
                .isEqualTo(200);
        assertThat(tenant.post("/api/leases/" + lease + "/signatures",
                               "{\"as\": \"tenant\", \"signatureUrl\": \"https://sign.example/t\"}").status())
                .isEqualTo(200);
        Response activated = owner.post("/api/leases/" + lease + "/activation", null);
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        // Ended today, its first day: that day's rent is due and unpaid, and the deposit is still held.
        Response ended = tenant.post("/api/leases/" + lease + "/termination", """
                {"terminationDate": "%s", "reason": "moving"}""".formatted(LocalDate.now(ZoneOffset.UTC)));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);

        Response owing = erase(admin, user.id());

        assertThat(owing.status()).as(owing.body()).isEqualTo(409);
        assertThat(owing.json().path("type").asString()).endsWith("erasure-retained");
        assertThat(owing.json().path("detail").asString()).contains("money-owed", "deposit-unsettled", lease)
                                                          .doesNotContain("open-lease");

        Response paid = tenant.post("/api/leases/" + lease + "/payments", """
                {"amount": {"amount": "25000", "currency": "INR"}, "method": "upi", "paidAt": "%s"}"""
                .formatted(Instant.now().minusSeconds(60)));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        Response depositHeld = erase(admin, user.id());
        assertThat(depositHeld.status()).as(depositHeld.body()).isEqualTo(409);
        assertThat(depositHeld.json().path("detail").asString()).contains("deposit-unsettled")
                                                                .doesNotContain("money-owed");

        assertThat(owner.post("/api/leases/" + lease + "/deposit/refund", "{\"reference\": \"NEFT 9\"}").status())
                .isEqualTo(200);
        assertThat(moneyEntriesAsTheMigrationBackfillsThem(lease)).as("the backfill of leases stored before")
                                                                 .isEqualTo(moneyEntries(lease)).isNotEmpty();
        Response erased = erase(admin, user.id());
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
    }

    List<String> moneyEntries(String lease) {
        List<String> rows = new ArrayList<>(jdbc.queryForList(
                "SELECT entry || ' ' || kind || ' ' || coalesce(due_date::text, '-') || ' ' || amount FROM lease_money "
                        + "WHERE lease_id = ?::uuid ORDER BY entry", String.class, lease));
        rows.addAll(jdbc.queryForList("SELECT user_id || ' ' || tenant FROM lease_money_party WHERE lease_id = ?::uuid "
                                              + "ORDER BY user_id", String.class, lease));
        return rows;
    }

    /** The lease's money entries as the migration builds them from the stored events, all of it rolled back. */
    List<String> moneyEntriesAsTheMigrationBackfillsThem(String lease) throws Exception {
        String migration;
        try (var in = getClass().getResourceAsStream("/db/command/V2026_12_07_041__lease_money_owed.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String backfill = migration.substring(migration.indexOf("INSERT INTO lease_money_party"));
        return tx.execute(status -> {
            status.setRollbackOnly();
            jdbc.update("DELETE FROM lease_money WHERE lease_id = ?::uuid", lease);
            jdbc.update("DELETE FROM lease_money_party WHERE lease_id = ?::uuid", lease);
            jdbc.execute(backfill);
            return moneyEntries(lease);
        });
    }

    /** The migration's backfill finds the parties of a lease stored before the table existed, and only while open. */
    @Test
    void theMigrationFindsTheOpenLeasesAlreadyStored() throws Exception {
        UUID ownerId = UUID.randomUUID();
        String lease = applyForALease(as(ownerId, "owner"));
        String migration;
        try (var in = getClass().getResourceAsStream("/db/command/V2026_12_06_230__lease_open_party.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String backfill = migration.substring(migration.indexOf("INSERT INTO lease_open_party"));
        // As if the table had just been made: emptied, filled by the backfill, read, and all of it rolled back.
        List<UUID> parties = tx.execute(status -> {
            status.setRollbackOnly();
            jdbc.update("DELETE FROM lease_open_party");
            jdbc.update(backfill);
            return jdbc.queryForList("SELECT user_id FROM lease_open_party WHERE lease_id = ?::uuid ORDER BY user_id",
                                     UUID.class, lease);
        });
        assertThat(parties).containsExactlyInAnyOrder(ownerId, user.id());
        assertThat(jdbc.queryForList("SELECT user_id FROM lease_open_party WHERE lease_id = ?::uuid", UUID.class,
                                     lease)).containsExactlyInAnyOrder(ownerId, user.id());
    }

    @Test
    void onlyAdminsEraseAndAUserAsksOnlyForThemselves() {
        for (String role : new String[] {"owner", "tenant", "agent", "field_executive", "property_manager", "auditor",
                                         "analyst"}) {
            Response r = erase(as(UUID.randomUUID(), role), user.id());
            assertThat(r.status()).as(role).isEqualTo(403);
            assertThat(r.contentType()).hasValue("application/problem+json");
        }
        assertThat(erase(as(user.id(), "tenant"), user.id()).status()).isEqualTo(403);
        Response forAnother = as(UUID.randomUUID(), "admin").post("/api/users/" + user.id() + "/erasure-request", null);
        assertThat(forAnother.status()).isEqualTo(403);
        assertThat(erase(anonymous, user.id()).status()).isEqualTo(401);
        assertThat(anonymous.post("/api/users/" + user.id() + "/erasure-request", null).status()).isEqualTo(401);
        assertThat(login(user).status()).isEqualTo(200);
    }

    @Test
    void anErasureNeedsAReasonAndAnAccount() {
        Response blank = admin.post("/api/users/" + user.id() + "/erase", "{\"reason\": \" \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.fieldErrors()).containsExactly("reason: must not be blank");
        assertThat(erase(admin, UUID.randomUUID()).status()).isEqualTo(404);
    }
}
