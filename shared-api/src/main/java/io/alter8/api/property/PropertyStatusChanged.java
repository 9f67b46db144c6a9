package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** The property moved in its life (draft → active → rented / maintenance / inactive / sold). {@code changedBy} is null when the leasing process moved it. */
@Revision("1")
public record PropertyStatusChanged(PropertyId propertyId,
                                    PropertyStatus previousStatus,
                                    PropertyStatus status,
                                    String reason,
                                    UserId changedBy) {
}
