package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;

public record FindLeaseById(LeaseId leaseId) {
}
