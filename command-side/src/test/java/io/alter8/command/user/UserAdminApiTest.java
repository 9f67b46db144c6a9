package io.alter8.command.user;

import io.alter8.command.CommandSideTest;
import io.alter8.command.auth.TestUsers;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Admins give roles and (de)activate accounts through HTTP; the account and the login follow. */
@CommandSideTest
class UserAdminApiTest {

    @LocalServerPort
    int port;
    ApiClient anonymous;
    ApiClient admin;
    UUID userId;
    String email;
    static final String PASSWORD = "a long enough password";

    @BeforeEach
    void setUp() {
        anonymous = new ApiClient("http://localhost:" + port);
        admin = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "admin"));
        email = "user-" + UUID.randomUUID() + "@example.com";
        userId = TestUsers.register(anonymous, email,
                                    "+919%09d".formatted(ThreadLocalRandom.current().nextInt(1_000_000_000)),
                                    "tenant", "IN", PASSWORD).id();
    }

    Response login() {
        return anonymous.post("/api/auth/login", "{\"login\": \"" + email + "\", \"password\": \"" + PASSWORD + "\"}");
    }

    String rolesInToken(Response login) {
        String payload = login.json().path("accessToken").asString().split("\\.")[1];
        return ApiClient.json().readTree(Base64.getUrlDecoder().decode(payload)).path("roles").toString();
    }

    @Test
    void anAdminGivesARoleAndTheNextLoginCarriesIt() {
        assertThat(rolesInToken(login())).isEqualTo("[\"tenant\"]");

        Response r = admin.put("/api/users/" + userId + "/role", "{\"role\": \"agent\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("version").asLong()).isPositive();
        assertThat(rolesInToken(login())).isEqualTo("[\"agent\"]");
    }

    @Test
    void onlyASuperAdminGivesAdminRoles() {
        Response byAdmin = admin.put("/api/users/" + userId + "/role", "{\"role\": \"admin\"}");
        assertThat(byAdmin.status()).isEqualTo(403);
        assertThat(byAdmin.contentType()).hasValue("application/problem+json");

        ApiClient superAdmin = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "super_admin"));
        assertThat(superAdmin.put("/api/users/" + userId + "/role", "{\"role\": \"admin\"}").status()).isEqualTo(200);
    }

    @Test
    void nonAdminsMayNotTouchAccounts() {
        for (String role : new String[]{"owner", "tenant", "agent", "auditor"}) {
            ApiClient someone = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), role));
            assertThat(someone.put("/api/users/" + userId + "/role", "{\"role\": \"agent\"}").status()).as(role)
                                                                                                 .isEqualTo(403);
            assertThat(someone.post("/api/users/" + userId + "/deactivate", "{\"reason\": \"x\"}").status())
                    .as(role).isEqualTo(403);
        }
        assertThat(anonymous.post("/api/users/" + userId + "/reactivate", "").status()).isEqualTo(401);
    }

    @Test
    void deactivationStopsLoginsUntilReactivation() {
        assertThat(admin.post("/api/users/" + userId + "/deactivate", "{\"reason\": \"chargeback\"}").status())
                .isEqualTo(200);
        assertThat(login().status()).isEqualTo(401);

        assertThat(admin.post("/api/users/" + userId + "/reactivate", "").status()).isEqualTo(200);
        assertThat(login().status()).isEqualTo(200);
    }

    @Test
    void aDeactivatedUsersTokenStopsWorkingAtOnce() {
        ApiClient me = anonymous.withToken(login().json().path("accessToken").asString());
        assertThat(me.get("/api/auth/sessions").status()).isEqualTo(200);

        admin.post("/api/users/" + userId + "/deactivate", "{\"reason\": \"fraud\"}");

        Response refused = me.get("/api/auth/sessions");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).hasValue("application/problem+json");
    }

    @Test
    void unknownUsersAndBadRolesAreAnswered() {
        assertThat(admin.put("/api/users/" + UUID.randomUUID() + "/role", "{\"role\": \"agent\"}").status())
                .isEqualTo(404);
        Response bad = admin.put("/api/users/" + userId + "/role", "{\"role\": \"king\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.fieldErrors()).hasSize(1);
        assertThat(admin.post("/api/users/" + userId + "/deactivate", "{}").fieldErrors())
                .containsExactly("reason: must not be blank");
    }
}
