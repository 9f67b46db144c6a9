package io.alter8.command.auth;

import io.alter8.api.common.UserId;
import io.alter8.api.user.Role;
import io.alter8.command.user.UserRoles;
import org.springframework.stereotype.Component;

/** One primary-key lookup of the credential row, which follows role changes and (de)activations at once. */
@Component
class CredentialUserRoles implements UserRoles {

    private final Credentials credentials;

    CredentialUserRoles(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public boolean isActive(UserId user, Role role) {
        return credentials.findById(user.value())
                          .filter(Credentials.Credential::active)
                          .map(c -> c.roles().contains(role.wire()))
                          .orElse(false);
    }
}
