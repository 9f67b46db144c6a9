package io.alter8.command.user;

import io.alter8.command.CommandSideTest;
import io.alter8.command.auth.TestUsers;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static io.alter8.command.user.ProfileTestData.aadhaar;
import static io.alter8.command.user.ProfileTestData.accountNumber;
import static io.alter8.command.user.ProfileTestData.gstin;
import static io.alter8.command.user.ProfileTestData.pan;
import static io.alter8.command.user.ProfileTestData.register;
import static org.assertj.core.api.Assertions.assertThat;

/** A role taken away is taken away at once: the token from before the change no longer carries it. */
@CommandSideTest
class DemotedReviewerApiTest {

    static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFieldExecutiveDemotedToTenantCannotVerifyAnOwnersKycWithTheOldToken() {
        ApiClient anonymous = new ApiClient("http://localhost:" + port);
        ApiClient admin = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "admin"));
        TestUsers.User reviewer = TestUsers.register(anonymous, "tenant", PASSWORD);
        assertThat(admin.put("/api/users/" + reviewer.id() + "/role", "{\"role\": \"field_executive\"}").status())
                .isEqualTo(200);
        Response login = anonymous.post("/api/auth/login", "{\"login\": \"%s\", \"password\": \"%s\"}"
                .formatted(reviewer.email(), PASSWORD));
        ApiClient oldToken = anonymous.withToken(login.json().path("accessToken").asString());
        assertThat(oldToken.get("/api/auth/sessions").status()).isEqualTo(200);
        UUID owner = register(anonymous, "owner", "IN");
        String pan = pan();
        assertThat(anonymous.withToken(TestTokens.mint(owner, "owner"))
                            .put("/api/users/" + owner + "/owner-profile", UserProfileApiTest.ownerProfile(
                                    pan, aadhaar(), gstin(pan), accountNumber(), "HDFC0001234")).status())
                .isEqualTo(200);

        assertThat(admin.put("/api/users/" + reviewer.id() + "/role", "{\"role\": \"tenant\"}").status())
                .isEqualTo(200);
        Response review = oldToken.post("/api/users/" + owner + "/owner-kyc/review",
                                        "{\"status\": \"verified\", \"note\": \"documents match\"}");

        assertThat(review.status()).as(review.body()).isIn(401, 403);
        assertThat(review.contentType()).hasValue("application/problem+json");
        assertThat(jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?",
                                     String.class, owner.toString()))
                .noneMatch(type -> type.endsWith("OwnerKycStatusChanged"));
    }
}
