package io.alter8.query.property;

import io.alter8.api.media.MediaDeleted;
import io.alter8.api.media.MediaDetailsChanged;
import io.alter8.api.media.MediaUploaded;
import io.alter8.api.media.PrimaryMediaChosen;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/**
 * The listing's processor handles the media events of a property in the property's own sequence, not in that of the
 * media aggregate: its segments run apart, and a listing's media columns can only be written once its row exists.
 * Sequenced per media aggregate, a replay could run a gallery's uploads in one segment before the other segment had
 * registered the property, and the listing would show no photo.
 */
@Configuration
class PropertyListingSequencing {

    private static final Set<Class<?>> MEDIA_EVENTS =
            Set.of(MediaUploaded.class, MediaDetailsChanged.class, PrimaryMediaChosen.class);

    @Bean
    ConfigurerModule mediaInTheSequenceOfTheirProperty() {
        SequentialPerAggregatePolicy perAggregate = SequentialPerAggregatePolicy.instance();
        SequencingPolicy<EventMessage<?>> policy = event -> {
            // Every other event is sequenced without its payload: the coordinator asks this for every event it hands
            // out, and decoding them all there would leave the work packages waiting for its one thread.
            if (!MEDIA_EVENTS.contains(event.getPayloadType())) {
                return perAggregate.getSequenceIdentifierFor(event);
            }
            Object payload = event.getPayload();
            if (payload instanceof MediaUploaded e) {
                return e.propertyId().toString();
            }
            if (payload instanceof MediaDetailsChanged e) {
                return e.propertyId().toString();
            }
            if (payload instanceof PrimaryMediaChosen e) {
                return e.propertyId().toString();
            }
            if (payload instanceof MediaDeleted e) {
                return e.propertyId().toString();
            }
            return perAggregate.getSequenceIdentifierFor(event);
        };
        return configurer -> configurer.eventProcessing()
                                       .registerSequencingPolicy(PropertyListingProjector.PROCESSING_GROUP,
                                                                 configuration -> policy);
    }
}
