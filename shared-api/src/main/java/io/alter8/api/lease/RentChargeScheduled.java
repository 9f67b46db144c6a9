package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A charge of the lease's rent schedule, as it now stands: put in place when the lease goes into force, and again with
 * new amounts when a rent review, a recurring charge or the lease's end changes a charge ({@code chargeNumber} counts
 * periods from 0; {@code amountDue} is rent + maintenance + other charges, late fees apart).
 */
@Revision("1")
public record RentChargeScheduled(LeaseId leaseId,
                                  PropertyId propertyId,
                                  int chargeNumber,
                                  LocalDate periodStart,
                                  LocalDate periodEnd,
                                  LocalDate dueDate,
                                  Money rent,
                                  Money maintenance,
                                  Money otherCharges,
                                  Money amountDue) {
}
