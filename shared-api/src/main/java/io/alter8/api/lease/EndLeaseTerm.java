package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Sent by the daily assessment: as of {@code asOf}, a lease in force whose notice's termination date has come ends
 * ({@link LeaseTerminated}), and one past its end date expires ({@link LeaseExpired}). Otherwise nothing happens.
 */
public record EndLeaseTerm(@TargetAggregateIdentifier LeaseId leaseId,
                           LocalDate asOf) {
}
