package io.alter8.api.subscription;

import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * An admin adds a feature to the catalog, which plans may then name. {@code featureId} is derived from the code
 * ({@link #idOf}), so defining the same feature again reaches the same entity and changes nothing.
 */
public record DefineFeature(@TargetAggregateIdentifier UUID featureId,
                            String code,
                            String name,
                            String description,
                            String category,
                            Actor requestedBy) {

    public static UUID idOf(String code) {
        return UUID.nameUUIDFromBytes(("feature:" + code).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
