package io.alter8.api.lease;

import io.alter8.api.common.DocumentId;
import io.alter8.api.common.LeaseId;
import org.axonframework.serialization.Revision;

/**
 * The lease's agreement is document {@code documentId} at {@code version}, signed by all its parties: the source of
 * truth for the agreement, where {@code LeaseSigned} carried only a URL.
 */
@Revision("1")
public record LeaseAgreementRecorded(LeaseId leaseId,
                                     DocumentId documentId,
                                     int version) {
}
