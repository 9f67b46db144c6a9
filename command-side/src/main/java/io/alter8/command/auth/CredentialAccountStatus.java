package io.alter8.command.auth;

import io.alter8.web.security.AccountStatus;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** The command side knows at once: a deactivated account's credential row says so (a primary-key lookup). */
@Component
class CredentialAccountStatus implements AccountStatus {

    private final Credentials credentials;

    CredentialAccountStatus(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public boolean isBlocked(UUID userId) {
        return credentials.findById(userId).map(c -> !c.active()).orElse(false);
    }
}
