package io.alter8.command.user;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.UserId;
import io.alter8.command.lease.LeaseMoneyHeld;
import io.alter8.command.lease.OpenLeases;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static io.alter8.command.CommandArguments.today;

/**
 * The retention rules in force, each with its own name: {@code open-lease}, a lease naming the user that has not
 * ended; {@code money-owed}, a lease of which the user is a tenant whose charges and fees due exceed its payments;
 * {@code deposit-unsettled}, a lease the user is a tenant or the owner of whose deposit is not yet refunded (the
 * tenant is to get it back, the owner to give it). Money is judged as of today on the platform's clock, as the
 * lease's own assessment judges it.
 */
@Component
class ErasureRetention implements RetentionRules {

    static final String OPEN_LEASE = "open-lease";
    static final String MONEY_OWED = "money-owed";
    static final String DEPOSIT_UNSETTLED = "deposit-unsettled";

    private final OpenLeases openLeases;
    private final LeaseMoneyHeld money;

    ErasureRetention(OpenLeases openLeases, LeaseMoneyHeld money) {
        this.openLeases = openLeases;
        this.money = money;
    }

    @Override
    public List<Retention> holding(UserId user) {
        List<Retention> holding = new ArrayList<>();
        hold(holding, OPEN_LEASE, "party to leases in force or pending: ", openLeases.of(user));
        hold(holding, MONEY_OWED, "owes money on leases: ", money.owedBy(user, today()));
        hold(holding, DEPOSIT_UNSETTLED, "a deposit not yet settled on leases: ", money.depositsUnsettled(user));
        return holding;
    }

    private static void hold(List<Retention> holding, String rule, String detail, List<LeaseId> leases) {
        if (!leases.isEmpty()) {
            holding.add(new Retention(rule, detail + leases.stream().map(LeaseId::toString)
                                                            .collect(Collectors.joining(", "))));
        }
    }
}
