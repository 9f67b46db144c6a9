package io.alter8.query.property;

import io.alter8.api.common.Address;
import io.alter8.api.common.GeoPoint;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.property.PropertyType;
import io.alter8.api.property.PropertyView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of the listing read model, as the queries read it ({@link PropertyListingProjector} writes it).
 * {@code version} is the sequence number of the last event applied.
 */
@Entity
@Immutable
@Table(name = "property_listing")
class PropertyListing {

    @Id
    private UUID id;
    @Column(nullable = false)
    private String title;
    private String description;
    @Column(name = "property_type", nullable = false)
    private String propertyType;
    @Column(name = "address_line1", nullable = false)
    private String addressLine1;
    @Column(name = "address_line2")
    private String addressLine2;
    @Column(nullable = false)
    private String city;
    @Column(nullable = false)
    private String state;
    @Column(name = "postal_code", nullable = false)
    private String postalCode;
    @Column(nullable = false)
    private String country;
    private Double latitude;
    private Double longitude;
    @Column(nullable = false)
    private int bedrooms;
    @Column(nullable = false, precision = 3, scale = 1)
    private BigDecimal bathrooms;
    @Column(name = "monthly_rent", nullable = false, precision = 14, scale = 2)
    private BigDecimal monthlyRent;
    @Column(name = "rent_currency", nullable = false, length = 3)
    private String rentCurrency;
    @Column(nullable = false)
    private long version;
    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PropertyListing() {
        // for JPA
    }

    PropertyView toView() {
        return new PropertyView(new PropertyId(id), title, description, PropertyType.fromWire(propertyType),
                                new Address(addressLine1, addressLine2, city, state, postalCode, country),
                                latitude == null ? null : new GeoPoint(latitude, longitude), bedrooms, bathrooms,
                                new Money(monthlyRent, rentCurrency), version, registeredAt, updatedAt);
    }
}
