package io.alter8.web.security;

import io.alter8.web.security.AccountStatus.Standing;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparison both services make between a valid token and what they know now of its account and session. */
class LiveTokensTest {

    static final UUID USER = UUID.randomUUID();
    static final UUID SESSION = UUID.randomUUID();
    static final CurrentUser LOGGED_IN = new CurrentUser(USER, Set.of("field_executive"), SESSION.toString());
    static final CurrentUser SERVICE = new CurrentUser(USER, Set.of("admin"), "dev-" + UUID.randomUUID());

    static LiveTokens knowing(Standing standing, boolean serviceTokens) {
        return new LiveTokens((user, session) -> standing, serviceTokens);
    }

    @Test
    void aLiveSessionOfAnActiveAccountWithTheSameRolesIsAdmitted() {
        assertThat(knowing(new Standing(true, Set.of("field_executive"), true), false).admit(LOGGED_IN)).isTrue();
    }

    @Test
    void anEndedSessionChangedRolesOrADeactivatedAccountAreRefused() {
        assertThat(knowing(new Standing(true, Set.of("field_executive"), false), false).admit(LOGGED_IN)).isFalse();
        assertThat(knowing(new Standing(true, Set.of("tenant"), true), false).admit(LOGGED_IN)).isFalse();
        assertThat(knowing(new Standing(false, Set.of("field_executive"), true), false).admit(LOGGED_IN)).isFalse();
    }

    @Test
    void whatTheServiceCannotTellDoesNotRefuse() {
        assertThat(knowing(Standing.UNKNOWN, false).admit(LOGGED_IN)).isTrue();
    }

    @Test
    void aTokenWhoseSessionIdIsNoSessionIsRefused() {
        CurrentUser noSid = new CurrentUser(USER, Set.of("owner"), null);
        CurrentUser oddSid = new CurrentUser(USER, Set.of("owner"), "not-a-session");

        assertThat(knowing(Standing.UNKNOWN, true).admit(noSid)).isFalse();
        assertThat(knowing(Standing.UNKNOWN, true).admit(oddSid)).isFalse();
    }

    @Test
    void serviceTokensAreAdmittedOnlyWhereTurnedOnAndNeverForADeactivatedAccount() {
        assertThat(knowing(Standing.UNKNOWN, false).admit(SERVICE)).isFalse();
        assertThat(knowing(Standing.UNKNOWN, true).admit(SERVICE)).isTrue();
        assertThat(knowing(new Standing(true, Set.of("owner"), null), true).admit(SERVICE)).isTrue();
        assertThat(knowing(new Standing(false, null, null), true).admit(SERVICE)).isFalse();
    }
}
