package io.alter8.command.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.UserId;
import io.alter8.api.lease.LeaseProposed;
import io.alter8.api.lease.LeaseRejected;
import io.alter8.api.lease.LeaseRenewalWithdrawn;
import io.alter8.api.lease.LeaseTerminated;
import io.alter8.command.config.InTheCommandsTransaction;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@link OpenLeases} from {@code lease_open_party}, kept in the transaction of the lease's events (a subscribing
 * processor, as {@code IdentityClaims}), so an erasure never misses a lease proposed a moment before it. The parties
 * of a proposal stay the same for its life; a rejection (which is final), a termination or a renewal's withdrawal
 * ends it.
 */
@Component
@ProcessingGroup(OpenLeaseParties.PROCESSING_GROUP)
class OpenLeaseParties implements OpenLeases {

    static final String PROCESSING_GROUP = "lease-open-parties";

    private final JdbcTemplate jdbc;

    OpenLeaseParties(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<LeaseId> of(UserId party) {
        return jdbc.queryForList("SELECT lease_id FROM lease_open_party WHERE user_id = ? ORDER BY lease_id",
                                 UUID.class, party.value())
                   .stream().map(LeaseId::new).toList();
    }

    @EventHandler
    void on(LeaseProposed event) {
        Set<UserId> parties = new LinkedHashSet<>(event.tenants());
        parties.add(event.ownerId());
        if (event.agentId() != null) {
            parties.add(event.agentId());
        }
        if (event.managerId() != null) {
            parties.add(event.managerId());
        }
        for (UserId party : parties) {
            jdbc.update("INSERT INTO lease_open_party (lease_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        event.leaseId().value(), party.value());
        }
    }

    @EventHandler
    void on(LeaseRejected event) {
        end(event.leaseId());
    }

    @EventHandler
    void on(LeaseTerminated event) {
        end(event.leaseId());
    }

    /** A withdrawn renewal never comes into force. */
    @EventHandler
    void on(LeaseRenewalWithdrawn event) {
        end(event.leaseId());
    }

    private void end(LeaseId lease) {
        jdbc.update("DELETE FROM lease_open_party WHERE lease_id = ?", lease.value());
    }

    @Configuration(proxyBeanMethods = false)
    static class ProcessorConfiguration {

        /** An erasure checks these rows in its own transaction: they must never lag the lease's events. */
        @Bean
        ConfigurerModule openLeasePartiesInTheCommandsTransaction() {
            return InTheCommandsTransaction.processingGroup(PROCESSING_GROUP);
        }
    }
}
