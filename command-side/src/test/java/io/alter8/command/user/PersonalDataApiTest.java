package io.alter8.command.user;

import io.alter8.api.common.UserId;
import io.alter8.command.CommandSideTest;
import io.alter8.infra.privacy.PersonalDataCipher;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.UUID;

import static io.alter8.command.user.ProfileTestData.aadhaar;
import static io.alter8.command.user.ProfileTestData.accountNumber;
import static io.alter8.command.user.ProfileTestData.gstin;
import static io.alter8.command.user.ProfileTestData.pan;
import static io.alter8.command.user.ProfileTestData.register;
import static io.alter8.command.user.UserProfileApiTest.ownerProfile;
import static io.alter8.command.user.UserProfileApiTest.tenantProfile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The person and admins read identity numbers, bank account and contacts' phones in the clear; nobody else learns
 * even that the user exists, nothing is cached, and once the data key is shredded the answer is 410.
 */
@CommandSideTest
class PersonalDataApiTest {

    @LocalServerPort
    int port;
    @Autowired
    PersonalDataCipher cipher;
    ApiClient anonymous;

    @BeforeEach
    void setUp() {
        anonymous = new ApiClient("http://localhost:" + port);
    }

    ApiClient as(UUID user, String role) {
        return anonymous.withToken(TestTokens.mint(user, role));
    }

    /** Gives the owner a profile and answers its PAN. */
    String ownerProfileOf(UUID owner) {
        String pan = pan();
        Response set = as(owner, "owner").put("/api/users/" + owner + "/owner-profile",
                                              ownerProfile(pan, aadhaar(), gstin(pan), accountNumber(), "HDFC0001234"));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        return pan;
    }

    @Test
    void anOwnerAndAnAdminReadTheOwnersNumbersInTheClear() {
        UUID owner = register(anonymous, "owner", "IN");
        String pan = pan();
        String aadhaar = aadhaar();
        String gstin = gstin(pan);
        String account = accountNumber();
        Response set = as(owner, "owner").put("/api/users/" + owner + "/owner-profile",
                                              ownerProfile(pan, aadhaar, gstin, account, "HDFC0001234"));
        assertThat(set.status()).as(set.body()).isEqualTo(200);

        for (ApiClient reader : new ApiClient[] {as(owner, "owner"), as(UUID.randomUUID(), "admin"),
                                                 as(UUID.randomUUID(), "super_admin")}) {
            Response r = reader.get("/api/users/" + owner + "/personal-data");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.header("Cache-Control")).contains("no-store");
            assertThat(r.json().path("role").asString()).isEqualTo("owner");
            assertThat(r.json().path("owner").path("panNumber").asString()).isEqualTo(pan);
            assertThat(r.json().path("owner").path("aadhaarNumber").asString()).isEqualTo(aadhaar);
            assertThat(r.json().path("owner").path("gstNumber").asString()).isEqualTo(gstin);
            assertThat(r.json().path("owner").path("bankAccountNumber").asString()).isEqualTo(account);
            assertThat(r.json().path("tenant").isNull()).isTrue();
        }
    }

    @Test
    void aTenantReadsTheirContactsPhonesInTheClear() {
        UUID tenant = register(anonymous, "tenant", "IN");
        String aadhaar = aadhaar();
        Response set = as(tenant, "tenant").put("/api/users/" + tenant + "/tenant-profile",
                                                tenantProfile(aadhaar, pan(), "+919812345678", "+919812340000"));
        assertThat(set.status()).as(set.body()).isEqualTo(200);

        Response r = as(tenant, "tenant").get("/api/users/" + tenant + "/personal-data");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("tenant").path("aadhaarNumber").asString()).isEqualTo(aadhaar);
        assertThat(r.json().path("tenant").path("emergencyContact").path("phone").asString())
                .isEqualTo("+919812345678");
        assertThat(r.json().path("tenant").path("references").get(0).path("phone").asString())
                .isEqualTo("+919812340000");
    }

    @Test
    void anybodyElseIsToldTheUserDoesNotExist() {
        UUID owner = register(anonymous, "owner", "IN");
        String pan = ownerProfileOf(owner);

        for (String role : new String[] {"owner", "tenant", "agent", "field_executive", "property_manager", "auditor",
                                         "analyst"}) {
            Response r = as(UUID.randomUUID(), role).get("/api/users/" + owner + "/personal-data");
            assertThat(r.status()).as(role).isEqualTo(404);
            assertThat(r.body()).doesNotContain(pan);
        }
        Response unknown = as(UUID.randomUUID(), "admin").get("/api/users/" + UUID.randomUUID() + "/personal-data");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(anonymous.get("/api/users/" + owner + "/personal-data").status()).isEqualTo(401);
    }

    @Test
    void afterTheKeyIsShreddedTheDataIsGone() {
        UUID owner = register(anonymous, "owner", "IN");
        String pan = ownerProfileOf(owner);

        cipher.shred(new UserId(owner));

        Response r = as(owner, "owner").get("/api/users/" + owner + "/personal-data");
        assertThat(r.status()).isEqualTo(410);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.body()).doesNotContain(pan);
    }
    @Test
    void someoneElsesPanIsAcceptedLikeAFreshOneAndGoesToTheAdminsReview() {
        UUID holder = register(anonymous, "owner", "IN");
        String pan = ownerProfileOf(holder);
        UUID claimant = register(anonymous, "owner", "IN");
        UUID fresh = register(anonymous, "owner", "IN");

        // Before, this answered 409 owner-pan-already-registered: proof that the number is on the platform.
        Response taken = as(claimant, "owner").put("/api/users/" + claimant + "/owner-profile",
                                                   ownerProfile(pan, aadhaar(), gstin(pan), accountNumber(),
                                                                "HDFC0001234"));
        String otherPan = pan();
        Response untaken = as(fresh, "owner").put("/api/users/" + fresh + "/owner-profile",
                                                  ownerProfile(otherPan, aadhaar(), gstin(otherPan), accountNumber(),
                                                               "HDFC0001234"));

        assertThat(taken.status()).as(taken.body()).isEqualTo(untaken.status()).isEqualTo(200);
        assertThat(taken.json().propertyNames()).isEqualTo(untaken.json().propertyNames());
        ApiClient admin = as(UUID.randomUUID(), "admin");
        Response queue = admin.get("/api/admin/identity-reviews?sort=flaggedAt,desc&size=100");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.json().path("total").asLong()).isPositive();
        List<tools.jackson.databind.JsonNode> cases = queue.json().path("items").valueStream()
                .filter(c -> c.path("userId").asString().equals(claimant.toString())).toList();
        assertThat(cases).hasSize(1);
        assertThat(cases.get(0).path("holderId").asString()).isEqualTo(holder.toString());
        assertThat(cases.get(0).path("kind").asString()).isEqualTo("owner_pan");
        assertThat(queue.body()).doesNotContain(pan).doesNotContain(fresh.toString());
        assertThat(as(claimant, "owner").get("/api/admin/identity-reviews").status()).isEqualTo(403);

        String id = cases.get(0).path("id").asString();
        assertThat(admin.post("/api/admin/identity-reviews/" + id + "/resolution", "{}").fieldErrors())
                .containsExactly("note: must not be blank");
        assertThat(admin.post("/api/admin/identity-reviews/" + id + "/resolution",
                              "{\"note\": \"KYC rejected: not their PAN\"}").status()).isEqualTo(204);
        assertThat(admin.get("/api/admin/identity-reviews?sort=flaggedAt,desc&size=100").body()).doesNotContain(id);
        assertThat(admin.get("/api/admin/identity-reviews?size=500&sort=name").fieldErrors())
                .containsExactlyInAnyOrder("size: must be between 1 and 100", "sort: can sort by flaggedAt");
        assertThat(admin.post("/api/admin/identity-reviews/" + id + "/resolution", "{\"note\": \"again\"}")
                        .status()).isEqualTo(404);
    }
}
