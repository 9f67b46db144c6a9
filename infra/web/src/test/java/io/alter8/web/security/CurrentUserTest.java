package io.alter8.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The caller as the token names them: the user, every role of the roles claim, and the session. */
class CurrentUserTest {

    final UUID user = UUID.randomUUID();

    @Test
    void theRolesOfTheClaimsArrayAreTheCallersRoles() {
        CurrentUser caller = CurrentUser.from(token(List.of("owner", "tenant", "owner")));

        assertThat(caller.id()).isEqualTo(user);
        assertThat(caller.roles()).containsExactlyInAnyOrder("owner", "tenant");
        assertThat(caller.sessionId()).isEqualTo("dev-1");
    }

    @Test
    void aSingleRoleGivenAsTextAndNoRolesAtAllAreReadToo() {
        assertThat(CurrentUser.from(token("admin")).roles()).isEqualTo(Set.of("admin"));
        assertThat(CurrentUser.from(token(null)).roles()).isEmpty();
    }

    private Jwt token(Object roles) {
        Jwt.Builder jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject(user.toString())
                             .claim(CurrentUser.SESSION_CLAIM, "dev-1").issuedAt(Instant.now());
        if (roles != null) {
            jwt.claim(CurrentUser.ROLES_CLAIM, roles);
        }
        return jwt.build();
    }
}
