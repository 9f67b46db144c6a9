package io.alter8.web.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who is calling, as the access token says: the user, their roles (as the data models spell them: {@code owner},
 * {@code admin} …) and the session the token belongs to.
 */
public record CurrentUser(UUID id, Set<String> roles, String sessionId) {

    public static final String ROLES_CLAIM = "roles";
    public static final String SESSION_CLAIM = "sid";
    /**
     * The {@code sid} of a service token: minted with the signing key outside a login (the local stack's
     * {@code alter8 token}, tests), so it names no session. See {@link LiveTokens}.
     */
    public static final String SERVICE_SESSION_PREFIX = "dev-";

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... candidates) {
        for (String role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** The login session the token belongs to; empty for a service token, or a {@code sid} that names none. */
    public Optional<UUID> session() {
        if (sessionId == null || serviceToken()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(sessionId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean serviceToken() {
        return sessionId != null && sessionId.startsWith(SERVICE_SESSION_PREFIX);
    }

    /** The caller of the current request, if it carried a valid token. */
    public static Optional<CurrentUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(from(token.getToken()));
        }
        return Optional.empty();
    }

    public static CurrentUser require() {
        return get().orElseThrow(() -> new IllegalStateException("no authenticated caller"));
    }

    static CurrentUser from(Jwt jwt) {
        return new CurrentUser(UUID.fromString(jwt.getSubject()), roles(jwt), jwt.getClaimAsString(SESSION_CLAIM));
    }

    /**
     * The roles claim, read directly when it is the JSON array our tokens carry: asked several times per request,
     * Spring's generic claim conversion built type descriptors each time (2 % of a command's request thread).
     */
    static Set<String> roles(Jwt jwt) {
        Object claim = jwt.getClaim(ROLES_CLAIM);
        if (claim instanceof Collection<?> claimed) {
            return claimed.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        }
        List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        return roles == null ? Set.of() : Set.copyOf(roles);
    }
}
