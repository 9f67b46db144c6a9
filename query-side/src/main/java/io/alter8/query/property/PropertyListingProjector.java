package io.alter8.query.property;

import io.alter8.api.property.MonthlyRentChanged;
import io.alter8.api.property.PropertyRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps the listing read model ({@code property_listing}). Rows are keyed by property id and remember the sequence
 * number of the last event applied; an event at or below it has been applied already and is skipped, so replays
 * and redeliveries leave the same state.
 */
@Component
@ProcessingGroup(PropertyListingProjector.PROCESSING_GROUP)
class PropertyListingProjector {

    static final String PROCESSING_GROUP = "property-listing";

    private final PropertyListingRepository listings;

    PropertyListingProjector(PropertyListingRepository listings) {
        this.listings = listings;
    }

    @EventHandler
    void on(PropertyRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        // Registration is an aggregate's first event: if the row exists, this event was applied already.
        if (listings.existsById(event.propertyId().value())) {
            return;
        }
        PropertyListing listing = new PropertyListing(event.propertyId().value());
        listing.register(event, sequence, at);
        listings.save(listing);
    }

    @EventHandler
    void on(MonthlyRentChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        listings.findById(event.propertyId().value())
                .filter(listing -> listing.version() < sequence)
                .ifPresent(listing -> {
                    listing.changeRent(event.monthlyRent(), sequence, at);
                    listings.save(listing);
                });
    }

    @ResetHandler
    void dropAll() {
        listings.deleteAllInBatch();
    }
}
