package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/**
 * Ends an active lease as of {@code terminationDate} (today or earlier): its unit is vacated. The owner's side or a
 * tenant; {@code noticeDate} is when notice was given, {@code earlyTerminationPenalty} what ending early costs.
 */
public record TerminateLease(@TargetAggregateIdentifier LeaseId leaseId,
                             LocalDate terminationDate,
                             String reason,
                             LocalDate noticeDate,
                             Money earlyTerminationPenalty,
                             Actor requestedBy,
                             @TargetAggregateVersion Long expectedVersion) {
}
