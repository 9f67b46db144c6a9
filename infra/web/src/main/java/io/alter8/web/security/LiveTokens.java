package io.alter8.web.security;

import java.util.Optional;
import java.util.UUID;

/**
 * Whether a valid token may still act, by what its service knows now: the account is not deactivated, the token's
 * roles are the account's roles, and its login session is live. What the service cannot tell does not refuse (a
 * cache that is down, an account it has not seen yet): the check only narrows what a signed token may do.
 * <p>
 * A service token (its {@code sid} marked {@link CurrentUser#SERVICE_SESSION_PREFIX}, minted with the signing key
 * by the local stack and the tests, not by a login) has no session and carries the roles its minter chose; it is
 * accepted only where {@code alter8.security.jwt.service-tokens} is on, and then refused only for a deactivated
 * account. Any other token without a session id is refused.
 * <p>
 * Every request is checked once, before it is handled; a live stream, which outlasts its request, is checked again
 * at each heartbeat.
 */
public final class LiveTokens {

    private final AccountStatus status;
    private final boolean serviceTokens;

    public LiveTokens(AccountStatus status, boolean serviceTokens) {
        this.status = status;
        this.serviceTokens = serviceTokens;
    }

    public boolean admit(CurrentUser caller) {
        Optional<UUID> session = caller.session();
        if (session.isEmpty()) {
            return caller.serviceToken() && serviceTokens
                    && !Boolean.FALSE.equals(status.standing(caller.id(), null).active());
        }
        AccountStatus.Standing now = status.standing(caller.id(), session.get());
        return !Boolean.FALSE.equals(now.active())
                && !Boolean.FALSE.equals(now.sessionLive())
                && (now.roles() == null || now.roles().equals(caller.roles()));
    }
}
