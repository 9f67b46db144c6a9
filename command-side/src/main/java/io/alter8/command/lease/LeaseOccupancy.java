package io.alter8.command.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.lease.ConfirmLeaseActivation;
import io.alter8.api.lease.LeaseActivationRequested;
import io.alter8.api.lease.LapseRenewal;
import io.alter8.api.lease.LeaseExpired;
import io.alter8.api.lease.LeaseRenewalWithdrawn;
import io.alter8.api.lease.LeaseRenewed;
import io.alter8.api.lease.LeaseTerminated;
import io.alter8.api.lease.OpenRenewal;
import io.alter8.api.lease.RefuseLeaseActivation;
import io.alter8.api.property.HandOverUnit;
import io.alter8.api.property.OccupyUnit;
import io.alter8.api.property.VacateUnit;
import io.alter8.command.process.Processes;
import io.alter8.command.process.Refusal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The leasing process: a lease is in force only on a unit its property let to it, and a lease that ends gives the
 * unit back. The property holds the occupancy (one lease per unit); the lease asks, this process carries the
 * question across.
 * <pre>
 * LeaseActivationRequested → OccupyUnit → ConfirmLeaseActivation (LeaseActivated)
 *                                       ↘ refused: RefuseLeaseActivation (LeaseActivationRefused), the compensation
 *                                         (the lease refuses the confirmation: VacateUnit, the unit given back)
 * LeaseTerminated, LeaseExpired → VacateUnit
 * LeaseRenewed → OpenRenewal (the renewal's proposal; automatic: with its activation requested)
 * LeaseRenewalWithdrawn → LapseRenewal (the renewed lease expires after all, then LeaseExpired as above)
 * LeaseActivationRequested of a renewal → HandOverUnit from the renewed lease (the unit never free in between)
 *                                       → ConfirmLeaseActivation, or on its refusal HandOverUnit back
 * </pre>
 * Each step is idempotent — the property takes the same lease twice as once, the lease confirms or refuses only an
 * activation under way — so a redelivered event (a retry, a crash before the processor stored its token) repeats
 * nothing. A redelivery that comes after the lease moved on is safe too: a renewed lease confirms again without
 * change (its unit stays put for the renewal); an ended one refuses, and the unit is given back if it was taken
 * again; a compensation the property refuses is logged, never retried. Nothing is kept between events: each saga
 * ends with the event that started it.
 */
@Saga
@ProcessingGroup(LeaseOccupancy.PROCESSING_GROUP)
public class LeaseOccupancy {

    static final String PROCESSING_GROUP = "lease-occupancy";
    private static final Logger log = LoggerFactory.getLogger(LeaseOccupancy.class);

    @Autowired
    private transient CommandGateway commands;

    @StartSaga
    @SagaEventHandler(associationProperty = "leaseId")
    void on(LeaseActivationRequested event) {
        SagaLifecycle.end();
        try {
            commands.sendAndWait(event.renewedFrom() == null
                    ? new OccupyUnit(event.propertyId(), event.unitId(), event.leaseId(), event.tenants())
                    : new HandOverUnit(event.propertyId(), event.unitId(), event.renewedFrom(), event.leaseId(),
                                       event.tenants()));
        } catch (RuntimeException failure) {
            Refusal refusal = Refusal.of(failure, "activation-refused").orElseThrow(() -> failure);
            commands.sendAndWait(new RefuseLeaseActivation(event.leaseId(), refusal.code(), refusal.detail()));
            return;
        }
        try {
            commands.sendAndWait(new ConfirmLeaseActivation(event.leaseId()));
        } catch (RuntimeException failure) {
            // The lease will not take the unit after all (or, redelivered late, it has ended since): give the unit
            // back rather than leave it held by nobody in force.
            Refusal.of(failure, "activation-refused").orElseThrow(() -> failure);
            if (event.renewedFrom() == null) {
                vacate(event.propertyId(), event.unitId(), event.leaseId());
            } else {
                handBack(event);
            }
        }
    }

    private void handBack(LeaseActivationRequested renewal) {
        try {
            commands.sendAndWait(new HandOverUnit(renewal.propertyId(), renewal.unitId(), renewal.leaseId(),
                                                  renewal.renewedFrom(), renewal.tenants()));
        } catch (RuntimeException failure) {
            // The renewal does not hold the unit: there is nothing of it to hand back. Retrying would not change
            // that, and would hold up every process behind this event.
            Refusal refusal = Refusal.of(failure, "hand-over-refused").orElseThrow(() -> failure);
            log.warn("Renewal {} will not take its unit, which was not handed back to lease {}: {} ({})",
                     renewal.leaseId(), renewal.renewedFrom(), refusal.code(), refusal.detail());
        }
    }

    /** The renewal opens as the renewed lease says; opening it again (a redelivery) changes nothing. */
    @StartSaga
    @EndSaga
    @SagaEventHandler(associationProperty = "leaseId")
    void on(LeaseRenewed event) {
        commands.sendAndWait(new OpenRenewal(event.renewedBy(), event));
    }

    /** A renewal withdrawn: the lease it renews expires after all (and its unit is vacated, below). */
    @StartSaga
    @EndSaga
    @SagaEventHandler(associationProperty = "leaseId")
    void on(LeaseRenewalWithdrawn event) {
        commands.sendAndWait(new LapseRenewal(event.renewedFrom(), event.leaseId()));
    }

    /** Leases put into force before this process existed end here too: a saga starts if none runs. */
    @StartSaga
    @EndSaga
    @SagaEventHandler(associationProperty = "leaseId")
    void on(LeaseTerminated event) {
        vacate(event.propertyId(), event.unitId(), event.leaseId());
    }

    @StartSaga
    @EndSaga
    @SagaEventHandler(associationProperty = "leaseId")
    void on(LeaseExpired event) {
        vacate(event.propertyId(), event.unitId(), event.leaseId());
    }

    private void vacate(PropertyId property, UnitId unit, LeaseId lease) {
        try {
            commands.sendAndWait(new VacateUnit(property, unit, lease));
        } catch (RuntimeException failure) {
            // The unit is not the lease's (anymore): there is nothing of this lease to give back.
            Refusal refusal = Refusal.of(failure, "vacate-refused").orElseThrow(() -> failure);
            log.warn("Lease {} ended, its unit was not vacated: {} ({})", lease, refusal.code(), refusal.detail());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ProcessConfiguration {

        @Bean
        ConfigurerModule leaseOccupancyProcessingGroup() {
            return Processes.processingGroup(PROCESSING_GROUP);
        }
    }
}
