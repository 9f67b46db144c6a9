package io.alter8.command.privacy;

import io.alter8.api.user.UserErased;
import io.alter8.command.config.InTheCommandsTransaction;
import io.alter8.infra.privacy.PersonalDataCipher;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Shreds the data key of an erased user, in the transaction of {@link UserErased}: the erasure and the loss of the
 * key commit together, so no erased user's data stays readable and no key is lost without its audited event.
 */
@Component
@ProcessingGroup(ErasedUserKeys.PROCESSING_GROUP)
class ErasedUserKeys {

    static final String PROCESSING_GROUP = "erased-user-keys";

    private final PersonalDataCipher cipher;

    ErasedUserKeys(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    @EventHandler
    void on(UserErased event) {
        cipher.shred(event.userId());
    }

    @Configuration(proxyBeanMethods = false)
    static class ProcessorConfiguration {

        @Bean
        ConfigurerModule erasedUserKeysInTheCommandsTransaction() {
            return InTheCommandsTransaction.processingGroup(PROCESSING_GROUP);
        }
    }
}
