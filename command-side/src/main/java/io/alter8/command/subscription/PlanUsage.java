package io.alter8.command.subscription;

import io.alter8.api.common.UserId;
import io.alter8.api.lease.LeaseActivationRefused;
import io.alter8.api.lease.LeaseActivationRequested;
import io.alter8.api.lease.LeaseExpired;
import io.alter8.api.lease.LeaseTerminated;
import io.alter8.api.property.HudApprovalRecorded;
import io.alter8.api.property.PropertyRegistered;
import io.alter8.api.property.UnitAdded;
import io.alter8.api.property.UnitRemoved;
import io.alter8.api.subscription.Features;
import io.alter8.api.subscription.PlanFeature;
import io.alter8.api.verification.PropertyVerificationRequested;
import io.alter8.command.PlanLimitReached;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Enforces plan limits where other features' events are stored, without a line in their aggregates: a handler in
 * the transaction of those events ({@code plan_usage_claim}), so a command beyond its owner's limit fails with
 * {@link PlanLimitReached} and nothing stored. Usage is one row per thing counted, written with the event that
 * makes it count and deleted with the one that ends it; the count is of rows, never a counter moved by one.
 * <p>
 * The account is the property's owner, whoever acts for them (a manager, an agent). Admins act beyond limits (support,
 * bulk imports); what they do still counts.
 */
@Component
@ProcessingGroup(PlanEntitlements.PROCESSING_GROUP)
class PlanUsage implements AccountUsage {

    /** Counted while the thing exists, rather than per month. */
    private static final String IN_FORCE = "";
    private static final String OWNER_OF = PlanUsage.class.getName() + ".ownerOf:";
    private static final String PENDING = PlanUsage.class.getName() + ".pending";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;
    private final PlanEntitlements entitlements;

    PlanUsage(JdbcTemplate jdbc, PlanEntitlements entitlements) {
        this.jdbc = jdbc;
        this.entitlements = entitlements;
    }

    @Override
    public int unitsOf(UserId account) {
        return (int) used(account, Features.UNITS, IN_FORCE);
    }

    @Override
    public long used(UserId account, String feature, LocalDate today) {
        return used(account, feature, Features.monthly(feature) ? MONTH.format(today) : IN_FORCE);
    }

    @EventHandler
    void on(PropertyRegistered event, @MetaDataValue("userRoles") String roles) {
        claim(event.ownerId(), Features.PROPERTIES, event.propertyId().value(), IN_FORCE, roles);
        // The units added with it ask for its owner next, in the same command: no need to read back this claim.
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().resources().put(OWNER_OF + event.propertyId().value(), event.ownerId());
        }
    }

    @EventHandler
    void on(UnitAdded event, @MetaDataValue("userRoles") String roles) {
        ownerOf(event.propertyId().value())
                .ifPresent(owner -> claim(owner, Features.UNITS, event.unitId().value(), IN_FORCE, roles));
    }

    @EventHandler
    void on(UnitRemoved event) {
        release(Features.UNITS, event.unitId().value());
    }

    @EventHandler
    void on(PropertyVerificationRequested event, @Timestamp Instant at, @MetaDataValue("userRoles") String roles) {
        claim(event.ownerId(), Features.VERIFICATION_REQUESTS, event.verificationId().value(), MONTH.format(at),
              roles);
    }

    /** A renewal takes the place of the lease it renews: that one stops counting as the renewal starts to. */
    @EventHandler
    void on(LeaseActivationRequested event, @MetaDataValue("userRoles") String roles) {
        if (event.renewedFrom() != null) {
            release(Features.LEASES_IN_FORCE, event.renewedFrom().value());
        }
        ownerOf(event.propertyId().value())
                .ifPresent(owner -> claim(owner, Features.LEASES_IN_FORCE, event.leaseId().value(), IN_FORCE, roles));
    }

    @EventHandler
    void on(LeaseActivationRefused event) {
        release(Features.LEASES_IN_FORCE, event.leaseId().value());
    }

    @EventHandler
    void on(LeaseTerminated event) {
        release(Features.LEASES_IN_FORCE, event.leaseId().value());
    }

    @EventHandler
    void on(LeaseExpired event) {
        release(Features.LEASES_IN_FORCE, event.leaseId().value());
    }

    /** Joining a HUD programme takes a plan with it; recording that a property left one does not. */
    @EventHandler
    void on(HudApprovalRecorded event, @MetaDataValue("userRoles") String roles) {
        if (event.approval() == null || !event.approval().approved() || isAdmin(roles)) {
            return;
        }
        ownerOf(event.propertyId().value()).ifPresent(owner -> {
            if (!entitlements.allowance(owner, Features.HUD_PROGRAMMES).enabled()) {
                throw new PlanLimitReached(owner, Features.HUD_PROGRAMMES, 0, 0);
            }
        });
    }

    /**
     * Counts {@code item} against {@code account}'s limit of {@code feature}. Under a limit, the lock row makes two
     * commands for the same account, feature and period count one after the other, so the second sees the first's
     * claim. Without a limit there is nothing to count against, so the claim is only written: taking the lock there
     * made every command of one account wait for the commit of the one before (40 ms a command at four at once).
     * An item already counted (the same event handled again) changes nothing.
     */
    private void claim(UserId account, String feature, UUID item, String period, String roles) {
        PlanFeature allowance = entitlements.allowance(account, feature);
        if (!allowance.enabled() || allowance.usageLimit() != null) {
            jdbc.update("INSERT INTO plan_usage_lock (account_id, feature, period) VALUES (?, ?, ?) "
                                + "ON CONFLICT (account_id, feature, period) DO UPDATE SET period = EXCLUDED.period",
                        account.value(), feature, period);
            // A statement of its own after the lock: its snapshot then includes the claim of whoever held it.
            long used = jdbc.queryForObject(
                    "SELECT CASE WHEN EXISTS (SELECT 1 FROM plan_usage_claim WHERE feature = ? AND item_id = ?) "
                            + "THEN -1 ELSE (SELECT count(*) FROM plan_usage_claim WHERE account_id = ? "
                            + "AND feature = ? AND period = ?) END",
                    Long.class, feature, item, account.value(), feature, period);
            if (used < 0) {
                return;
            }
            if (!allowance.admits(used) && !isAdmin(roles)) {
                throw new PlanLimitReached(account, feature, allowance.enabled() && allowance.usageLimit() != null
                        ? allowance.usageLimit() : 0, used);
            }
        }
        Claim claim = new Claim(feature, item, account.value(), period);
        if (allowance.enabled() && allowance.usageLimit() == null) {
            insertBeforeCommit(claim);
        } else {
            insert(List.of(claim));
        }
    }

    /** One thing counted against an account's limit: a row of {@code plan_usage_claim}. */
    private record Claim(String feature, UUID item, UUID account, String period) {
    }

    /**
     * A claim nothing counts against yet (no limit) waits for the end of its command's prepare phase, still inside
     * its transaction, and goes in one statement with the command's other such claims: a registration with its units
     * paid a round trip to the database for each.
     */
    private void insertBeforeCommit(Claim claim) {
        UnitOfWork<?> command = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root() : null;
        if (command == null || command.phase().isAfter(UnitOfWork.Phase.PREPARE_COMMIT)) {
            insert(List.of(claim));
            return;
        }
        command.<List<Claim>>getOrComputeResource(PENDING, key -> {
            List<Claim> pending = new ArrayList<>();
            command.onPrepareCommit(u -> insert(pending));
            return pending;
        }).add(claim);
    }

    private void insert(List<Claim> claims) {
        if (claims.isEmpty()) {
            return;
        }
        List<Object> values = new ArrayList<>(claims.size() * 4);
        claims.forEach(c -> values.addAll(List.of(c.feature(), c.item(), c.account(), c.period())));
        jdbc.update("INSERT INTO plan_usage_claim (feature, item_id, account_id, period) VALUES "
                            + String.join(", ", Collections.nCopies(claims.size(), "(?, ?, ?, ?)"))
                            + " ON CONFLICT (feature, item_id) DO NOTHING", values.toArray());
    }

    private void release(String feature, UUID item) {
        if (CurrentUnitOfWork.isStarted()) {
            List<Claim> pending = CurrentUnitOfWork.get().root().getResource(PENDING);
            if (pending != null) {
                pending.removeIf(c -> c.feature().equals(feature) && c.item().equals(item));
            }
        }
        jdbc.update("DELETE FROM plan_usage_claim WHERE feature = ? AND item_id = ?", feature, item);
    }

    private long used(UserId account, String feature, String period) {
        Long used = jdbc.queryForObject("SELECT count(*) FROM plan_usage_claim WHERE account_id = ? AND feature = ? "
                                                + "AND period = ?", Long.class, account.value(), feature, period);
        return used == null ? 0 : used;
    }

    /** The owner of a property, from its claim; none for a property registered before limits were counted. */
    private Optional<UserId> ownerOf(UUID property) {
        if (CurrentUnitOfWork.isStarted()) {
            UserId registeredNow = CurrentUnitOfWork.get().root().getResource(OWNER_OF + property);
            if (registeredNow != null) {
                return Optional.of(registeredNow);
            }
        }
        return jdbc.queryForList("SELECT account_id FROM plan_usage_claim WHERE feature = ? AND item_id = ?",
                                 UUID.class, Features.PROPERTIES, property).stream().findFirst().map(UserId::new);
    }

    private static boolean isAdmin(String roles) {
        return roles != null && Arrays.stream(roles.split(",")).anyMatch(r -> r.equals("admin")
                || r.equals("super_admin"));
    }
}
