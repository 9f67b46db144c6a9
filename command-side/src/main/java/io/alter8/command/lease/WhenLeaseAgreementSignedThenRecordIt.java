package io.alter8.command.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.document.DocumentEntityType;
import io.alter8.api.document.DocumentSigned;
import io.alter8.api.document.DocumentType;
import io.alter8.api.lease.RecordLeaseAgreement;
import io.alter8.command.process.Processes;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * When the last party signs a lease agreement document, the lease records it as its agreement. After the commit,
 * on a process processor (retried on failure); recording the same document again changes nothing.
 */
@Component
@ProcessingGroup(WhenLeaseAgreementSignedThenRecordIt.PROCESSING_GROUP)
class WhenLeaseAgreementSignedThenRecordIt {

    static final String PROCESSING_GROUP = "lease-agreements";

    private final CommandGateway commands;

    WhenLeaseAgreementSignedThenRecordIt(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(DocumentSigned event) {
        if (event.fullySigned() && event.entityType() == DocumentEntityType.LEASE
                && event.documentType() == DocumentType.LEASE_AGREEMENT) {
            commands.sendAndWait(new RecordLeaseAgreement(new LeaseId(event.entityId()), event.documentId(),
                                                          event.version()));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ProcessorConfiguration {

        @Bean
        ConfigurerModule leaseAgreementsProcess() {
            return Processes.processingGroup(PROCESSING_GROUP);
        }
    }
}
