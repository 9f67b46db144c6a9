package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/**
 * A party signed. {@code fullySigned} once the owner and every tenant have (the lease's {@code signed_at} is then
 * this event's time); {@code agreementUrl} null keeps the one recorded before.
 */
@Revision("1")
public record LeaseSigned(LeaseId leaseId,
                          LeaseParty party,
                          UserId signedBy,
                          String signatureUrl,
                          String agreementUrl,
                          boolean fullySigned) {
}
