package io.alter8.api.subscription;

import io.alter8.api.common.FeatureId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An admin adds a feature to the catalog, which plans may then name. {@code featureId} is derived from the code
 * ({@link #idOf}), so defining the same feature again reaches the same entity and changes nothing.
 */
public record DefineFeature(@TargetAggregateIdentifier FeatureId featureId,
                            String code,
                            String name,
                            String description,
                            String category,
                            Actor requestedBy) {

    public static FeatureId idOf(String code) {
        return new FeatureId(UUID.nameUUIDFromBytes(("feature:" + code).getBytes(StandardCharsets.UTF_8)));
    }
}
