package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Sent by the daily assessment: as of {@code asOf}, gives the lease's credit to the charges due and applies a late fee
 * to each charge still open past its grace days that has none yet. Sending it twice changes nothing more.
 */
public record AssessRentAccount(@TargetAggregateIdentifier LeaseId leaseId,
                                LocalDate asOf) {
}
