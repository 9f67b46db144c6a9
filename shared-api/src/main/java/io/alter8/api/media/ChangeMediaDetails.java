package io.alter8.api.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyMediaId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

/** Sets a medium's room (null: none), tags and visibility. */
public record ChangeMediaDetails(@TargetAggregateIdentifier PropertyMediaId propertyMediaId,
                                 MediaId mediaId,
                                 RoomType roomType,
                                 List<String> tags,
                                 MediaVisibility visibility,
                                 Actor requestedBy,
                                 @TargetAggregateVersion Long expectedVersion) {
}
