package io.alter8.command.user;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.UserId;
import io.alter8.command.lease.OpenLeases;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The retention rules in force: {@code open-lease}, a lease naming the user that has not ended. A new rule (money
 * owed) is one more check here, with its own name.
 */
@Component
class ErasureRetention implements RetentionRules {

    static final String OPEN_LEASE = "open-lease";

    private final OpenLeases openLeases;

    ErasureRetention(OpenLeases openLeases) {
        this.openLeases = openLeases;
    }

    @Override
    public List<Retention> holding(UserId user) {
        List<Retention> holding = new ArrayList<>();
        List<LeaseId> leases = openLeases.of(user);
        if (!leases.isEmpty()) {
            holding.add(new Retention(OPEN_LEASE, "party to leases in force or pending: "
                    + leases.stream().map(LeaseId::toString).collect(Collectors.joining(", "))));
        }
        return holding;
    }
}
