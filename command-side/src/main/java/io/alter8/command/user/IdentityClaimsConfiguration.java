package io.alter8.command.user;

import io.alter8.command.config.InTheCommandsTransaction;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityClaimsConfiguration {

    /** The claims must be written in the transaction of the events, and a conflict must fail the command. */
    @Bean
    ConfigurerModule identityClaimsInTheCommandsTransaction() {
        return InTheCommandsTransaction.processingGroup(IdentityClaims.PROCESSING_GROUP);
    }
}
