package io.alter8.api.subscription;

import io.alter8.api.common.FeatureId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** A feature joined the catalog (management model {@code feature_access}), defined by an admin. */
@Revision("1")
public record FeatureDefined(FeatureId featureId, String code, String name, String description, String category,
                             UserId definedBy) {
}
