package io.alter8.query.property;

import io.alter8.api.property.MonthlyRentChanged;
import io.alter8.api.property.PropertyRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps the listing read model ({@code property_listing}). Every write is one statement keyed by property id that
 * carries the event's sequence number: a row only moves forward ({@code version < sequence}), so replays,
 * redeliveries and late arrivals leave the same state, and no event needs a read first (which, through JPA, also
 * made Hibernate flush the whole batch before each event). Reads go through JPA ({@link PropertyListingQueries}).
 */
@Component
@ProcessingGroup(PropertyListingProjector.PROCESSING_GROUP)
class PropertyListingProjector {

    static final String PROCESSING_GROUP = "property-listing";

    private final JdbcTemplate jdbc;

    PropertyListingProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PropertyRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        var address = event.address();
        var location = event.location();
        jdbc.update("""
                INSERT INTO property_listing (id, title, description, property_type, address_line1, address_line2,
                    city, state, postal_code, country, latitude, longitude, bedrooms, bathrooms, monthly_rent,
                    rent_currency, version, registered_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""",
                    event.propertyId().value(), event.title(), event.description(), event.propertyType().wire(),
                    address.line1(), address.line2(), address.city(), address.state(), address.postalCode(),
                    address.country(), location == null ? null : location.latitude(),
                    location == null ? null : location.longitude(), event.bedrooms(), event.bathrooms(),
                    event.monthlyRent().amount(), event.monthlyRent().currency(), sequence,
                    utc(at), utc(at));
    }

    @EventHandler
    void on(MonthlyRentChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("""
                UPDATE property_listing SET monthly_rent = ?, rent_currency = ?, version = ?, updated_at = ?
                WHERE id = ? AND version < ?""",
                    event.monthlyRent().amount(), event.monthlyRent().currency(), sequence, utc(at),
                    event.propertyId().value(), sequence);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    @ResetHandler
    void dropAll() {
        jdbc.update("DELETE FROM property_listing");
    }
}
