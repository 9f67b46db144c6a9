package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** The property's HUD approval as last recorded (management model). */
@Revision("1")
public record HudApprovalRecorded(PropertyId propertyId,
                                  HudApproval approval,
                                  UserId recordedBy) {
}
