package io.alter8.command.user;

import io.alter8.command.CommandSideTest;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static io.alter8.command.user.ProfileTestData.aadhaar;
import static io.alter8.command.user.ProfileTestData.accountNumber;
import static io.alter8.command.user.ProfileTestData.gstin;
import static io.alter8.command.user.ProfileTestData.pan;
import static io.alter8.command.user.ProfileTestData.register;
import static org.assertj.core.api.Assertions.assertThat;

/** Admins review KYC, licences and screening over HTTP; nobody else does, field executives included. */
@CommandSideTest
class UserReviewApiTest {

    static final String KYC_VERIFIED = "{\"status\": \"verified\", \"note\": \"documents match\"}";
    static final String LICENCE_VERIFIED = "{\"status\": \"verified\"}";
    static final String SCREENING = """
            {"backgroundCheckStatus": "passed", "creditCheckStatus": "passed", "creditScore": 760,
             "backgroundCheckReportId": "%s"}""".formatted(UUID.randomUUID());

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient anonymous;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        anonymous = new ApiClient("http://localhost:" + port);
        admin = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "admin"));
    }

    ApiClient as(UUID user, String role) {
        return anonymous.withToken(TestTokens.mint(user, role));
    }

    UUID ownerWithProfile() {
        UUID owner = register(anonymous, "owner", "IN");
        String pan = pan();
        Response r = as(owner, "owner").put("/api/users/" + owner + "/owner-profile", UserProfileApiTest.ownerProfile(
                pan, aadhaar(), gstin(pan), accountNumber(), "HDFC0001234"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return owner;
    }

    List<String> eventTypes(UUID user) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                                         + "ORDER BY sequence_number", String.class, user.toString());
    }

    @Test
    void anAdminVerifiesAnOwnersKyc() {
        UUID owner = ownerWithProfile();

        Response r = admin.post("/api/users/" + owner + "/owner-kyc/review", KYC_VERIFIED);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("ETag")).isEqualTo("\"" + r.json().path("version").asLong() + "\"");
        assertThat(eventTypes(owner)).last().asString().endsWith("OwnerKycStatusChanged");
    }

    @Test
    void anAdminVerifiesAnAgentsLicence() {
        UUID agent = register(anonymous, "agent", "IN");
        String profile = UserProfileApiTest.agentProfile(ProfileTestData.reraLicence());
        assertThat(as(agent, "agent").put("/api/users/" + agent + "/agent-profile", profile).status()).isEqualTo(200);

        Response r = as(UUID.randomUUID(), "admin").post("/api/users/" + agent + "/agent-licence/review",
                                                         LICENCE_VERIFIED);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(eventTypes(agent)).last().asString().endsWith("AgentVerificationStatusChanged");
    }

    @Test
    void anAdminRecordsATenantsScreening() {
        UUID tenant = register(anonymous, "tenant", "IN");
        assertThat(as(tenant, "tenant").put("/api/users/" + tenant + "/tenant-profile",
                                            UserProfileApiTest.tenantProfile(aadhaar(), pan(), "+919812345678",
                                                                             "+919812340000")).status())
                .isEqualTo(200);

        Response r = admin.post("/api/users/" + tenant + "/tenant-screening", SCREENING);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(eventTypes(tenant)).last().asString().endsWith("TenantScreeningRecorded");
    }

    @Test
    void onlyAdminsReview() {
        UUID owner = ownerWithProfile();
        for (String role : List.of("tenant", "owner", "agent", "property_manager", "auditor", "analyst",
                                   "field_executive")) {
            Response kyc = as(UUID.randomUUID(), role).post("/api/users/" + owner + "/owner-kyc/review", KYC_VERIFIED);
            assertThat(kyc.status()).as(role).isEqualTo(403);
            assertThat(kyc.contentType()).as(role).hasValue("application/problem+json");
        }
        assertThat(as(owner, "owner").post("/api/users/" + owner + "/owner-kyc/review", KYC_VERIFIED).status())
                .as("the owner on their own KYC").isEqualTo(403);
        assertThat(as(owner, "owner").post("/api/users/" + owner + "/agent-licence/review", LICENCE_VERIFIED)
                                     .status()).isEqualTo(403);
        assertThat(as(owner, "tenant").post("/api/users/" + owner + "/tenant-screening", SCREENING).status())
                .isEqualTo(403);
        assertThat(eventTypes(owner)).noneMatch(type -> type.endsWith("OwnerKycStatusChanged"));
    }

    /** The attack: a field executive, assigned to nothing, verifies whatever account they like. */
    @Test
    void aFieldExecutiveCannotVerifyAnyUsersKycLicenceOrScreening() {
        UUID owner = ownerWithProfile();
        UUID agent = register(anonymous, "agent", "IN");
        assertThat(as(agent, "agent").put("/api/users/" + agent + "/agent-profile",
                                          UserProfileApiTest.agentProfile(ProfileTestData.reraLicence())).status())
                .isEqualTo(200);
        ApiClient fieldExecutive = as(UUID.randomUUID(), "field_executive");

        Response kyc = fieldExecutive.post("/api/users/" + owner + "/owner-kyc/review", KYC_VERIFIED);
        Response licence = fieldExecutive.post("/api/users/" + agent + "/agent-licence/review", LICENCE_VERIFIED);
        Response screening = fieldExecutive.post("/api/users/" + owner + "/tenant-screening", SCREENING);

        for (Response r : List.of(kyc, licence, screening)) {
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            assertThat(r.contentType()).hasValue("application/problem+json");
        }
        assertThat(eventTypes(owner)).noneMatch(type -> type.endsWith("OwnerKycStatusChanged"));
        assertThat(eventTypes(agent)).noneMatch(type -> type.endsWith("AgentVerificationStatusChanged"));
    }

    @Test
    void withoutATokenReviewsAre401() {
        UUID user = UUID.randomUUID();
        for (String path : List.of("owner-kyc/review", "agent-licence/review", "tenant-screening")) {
            assertThat(anonymous.post("/api/users/" + user + "/" + path, "{}").status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void reviewsOfUnknownUsersAre404() {
        UUID nobody = UUID.randomUUID();
        for (Response r : List.of(admin.post("/api/users/" + nobody + "/owner-kyc/review", KYC_VERIFIED),
                                  admin.post("/api/users/" + nobody + "/agent-licence/review",
                                                      LICENCE_VERIFIED),
                                  admin.post("/api/users/" + nobody + "/tenant-screening", SCREENING))) {
            assertThat(r.status()).as(r.body()).isEqualTo(404);
            assertThat(r.contentType()).hasValue("application/problem+json");
        }
    }

    @Test
    void aReviewWithoutTheProfileIs409() {
        UUID tenant = register(anonymous, "tenant", "IN");

        Response kyc = admin.post("/api/users/" + tenant + "/owner-kyc/review", KYC_VERIFIED);
        assertThat(kyc.status()).as(kyc.body()).isEqualTo(409);
        assertThat(kyc.contentType()).hasValue("application/problem+json");
        assertThat(admin.post("/api/users/" + tenant + "/agent-licence/review", LICENCE_VERIFIED).status())
                .isEqualTo(409);
        assertThat(admin.post("/api/users/" + tenant + "/tenant-screening", SCREENING).status())
                .as("no tenant profile yet").isEqualTo(409);
    }

    @Test
    void badReviewsListEveryBadField() {
        UUID tenant = register(anonymous, "tenant", "IN");

        Response screening = admin.post("/api/users/" + tenant + "/tenant-screening", """
                {"backgroundCheckStatus": "maybe", "creditScore": 100}""");
        assertThat(screening.status()).isEqualTo(400);
        assertThat(screening.contentType()).hasValue("application/problem+json");
        assertThat(screening.fieldErrors()).extracting(e -> e.substring(0, e.indexOf(':')))
                .containsExactlyInAnyOrder("backgroundCheckStatus", "creditCheckStatus", "creditScore");

        assertThat(admin.post("/api/users/" + tenant + "/owner-kyc/review", "{\"status\": \"approved\"}")
                                 .fieldErrors())
                .containsExactly("status: must be one of: pending, in_review, verified, rejected");
    }
}
