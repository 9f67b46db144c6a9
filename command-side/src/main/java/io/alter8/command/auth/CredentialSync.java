package io.alter8.command.auth;

import io.alter8.api.user.RoleChanged;
import io.alter8.api.user.UserDeactivated;
import io.alter8.api.user.UserErased;
import io.alter8.api.user.UserReactivated;
import io.alter8.command.auth.otp.OtpService;
import io.alter8.command.config.InTheCommandsTransaction;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps the credential row in step with the account: the roles a token carries, and whether the user may log in.
 * A subscribing processor, so the row changes in the transaction of the event that changes the account; a
 * deactivation also ends every open session at once; an erasure ends them and removes the login.
 */
@Component
@ProcessingGroup(CredentialSync.PROCESSING_GROUP)
class CredentialSync {

    static final String PROCESSING_GROUP = "credential-sync";

    private final Credentials credentials;
    private final Sessions sessions;
    private final OtpService otps;

    CredentialSync(Credentials credentials, Sessions sessions, OtpService otps) {
        this.credentials = credentials;
        this.sessions = sessions;
        this.otps = otps;
    }

    @EventHandler
    void on(RoleChanged event) {
        credentials.setRoles(event.userId().value(), List.of(event.role().wire()));
    }

    @EventHandler
    void on(UserDeactivated event) {
        credentials.setActive(event.userId().value(), false);
        sessions.revokeAll(event.userId().value(), "deactivated");
    }

    /** Tokens stop at once (the sessions end), and nothing is left to log in with or send a code to. */
    @EventHandler
    void on(UserErased event) {
        sessions.revokeAll(event.userId().value(), "erased");
        credentials.delete(event.userId().value());
        otps.forgetUser(event.userId().value());
    }

    @EventHandler
    void on(UserReactivated event) {
        credentials.setActive(event.userId().value(), true);
    }

    @Configuration(proxyBeanMethods = false)
    static class ProcessorConfiguration {

        @Bean
        ConfigurerModule credentialSyncInTheCommandsTransaction() {
            return InTheCommandsTransaction.processingGroup(PROCESSING_GROUP);
        }
    }
}
