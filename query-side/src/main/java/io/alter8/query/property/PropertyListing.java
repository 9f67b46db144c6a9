package io.alter8.query.property;

import io.alter8.api.common.Address;
import io.alter8.api.common.GeoPoint;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.property.PropertyRegistered;
import io.alter8.api.property.PropertyType;
import io.alter8.api.property.PropertyView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of the listing read model. {@code version} is the sequence number of the last event applied, so an event
 * seen again (a replay, a redelivery) is recognised and skipped.
 */
@Entity
@Table(name = "property_listing")
class PropertyListing implements Persistable<UUID> {

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
    /** A new row is inserted without first asking whether it exists (the projector has checked). */
    @Transient
    private boolean isNew = true;

    protected PropertyListing() {
        // for JPA
    }

    PropertyListing(UUID id) {
        this.id = id;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        isNew = false;
    }

    long version() {
        return version;
    }

    void register(PropertyRegistered event, long sequence, Instant at) {
        title = event.title();
        description = event.description();
        propertyType = event.propertyType().wire();
        addressLine1 = event.address().line1();
        addressLine2 = event.address().line2();
        city = event.address().city();
        state = event.address().state();
        postalCode = event.address().postalCode();
        country = event.address().country();
        latitude = event.location() == null ? null : event.location().latitude();
        longitude = event.location() == null ? null : event.location().longitude();
        bedrooms = event.bedrooms();
        bathrooms = event.bathrooms();
        setRent(event.monthlyRent());
        version = sequence;
        registeredAt = at;
        updatedAt = at;
    }

    void changeRent(Money rent, long sequence, Instant at) {
        setRent(rent);
        version = sequence;
        updatedAt = at;
    }

    private void setRent(Money rent) {
        monthlyRent = rent.amount();
        rentCurrency = rent.currency();
    }

    PropertyView toView() {
        return new PropertyView(new PropertyId(id), title, description, PropertyType.fromWire(propertyType),
                                new Address(addressLine1, addressLine2, city, state, postalCode, country),
                                latitude == null ? null : new GeoPoint(latitude, longitude), bedrooms, bathrooms,
                                new Money(monthlyRent, rentCurrency), version, registeredAt, updatedAt);
    }
}
