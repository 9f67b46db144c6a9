package io.alter8.web.security;

import java.util.UUID;

/**
 * Whether a token's user may still act. Access tokens live 15 minutes; without this check a deactivated user
 * would keep acting until theirs expires. Each service answers from what it has at hand (the command side its
 * credential rows, the query side the {@code user:permissions:{userId}} cache).
 */
public interface AccountStatus {

    boolean isBlocked(UUID userId);
}
