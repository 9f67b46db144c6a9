package io.alter8.infra.eventstore;

import io.alter8.api.property.FurnishingStatus;
import io.alter8.api.property.PreferredTenantType;
import io.alter8.api.property.PropertyRegistered;
import io.alter8.api.property.PropertyType;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PropertyRegisteredUpcasterTest {

    static final String REVISION_1 = """
            {"propertyId": "%s", "title": "2BHK in Indiranagar", "description": "Sunny flat",
             "propertyType": "apartment",
             "address": {"line1": "12 MG Road", "line2": null, "city": "Bengaluru", "state": "Karnataka",
                         "postalCode": "560001", "country": "IN"},
             "location": {"latitude": 12.9716, "longitude": 77.5946},
             "bedrooms": 2, "bathrooms": 1.5, "monthlyRent": {"amount": "25000.00", "currency": "INR"}}""";

    final Serializer serializer = EventSerialization.serializer();

    PropertyRegistered upcast(String payload, String metaData) {
        String id = UUID.randomUUID().toString();
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                "Property", id, 0, UUID.randomUUID().toString(), Instant.now(), PropertyRegisteredUpcaster.TYPE, "1",
                payload.formatted(id).getBytes(StandardCharsets.UTF_8), metaData.getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast = new PropertyRegisteredUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        return serializer.deserialize(upcast.get(0).getData());
    }

    @Test
    void revisionOneBecomesRevisionTwoWithTheRegistrarAsOwner() {
        String user = UUID.randomUUID().toString();
        PropertyRegistered event = upcast(REVISION_1, "{\"userId\": \"" + user + "\", \"userRoles\": \"owner\"}");

        assertThat(event.ownerId().toString()).isEqualTo(user);
        assertThat(event.registeredBy().toString()).isEqualTo(user);
        assertThat(event.title()).isEqualTo("2BHK in Indiranagar");
        assertThat(event.propertyType()).isEqualTo(PropertyType.APARTMENT);
        assertThat(event.location().address().city()).isEqualTo("Bengaluru");
        assertThat(event.location().coordinates().latitude()).isEqualTo(12.9716);
        assertThat(event.specs().bedrooms()).isEqualTo(2);
        assertThat(event.specs().bathrooms()).isEqualByComparingTo("1.5");
        assertThat(event.specs().furnishing()).isEqualTo(FurnishingStatus.UNFURNISHED);
        assertThat(event.terms().monthlyRent().amount()).isEqualByComparingTo("25000");
        assertThat(event.terms().leaseDurationMonths()).isEqualTo(12);
        assertThat(event.preferences().preferredTenantType()).isEqualTo(PreferredTenantType.ANY);
        assertThat(event.seo().slug()).isNull();
        assertThat(event.amenities()).isEmpty();
    }

    @Test
    void withoutAUserInTheMetadataTheOwnerIsTheNilUuid() {
        PropertyRegistered event = upcast(REVISION_1.replace("\"location\": {\"latitude\": 12.9716, \"longitude\": "
                                                                     + "77.5946},", ""), "{}");
        assertThat(event.ownerId().toString()).isEqualTo(PropertyRegisteredUpcaster.NIL_UUID);
        assertThat(event.registeredBy()).isNull();
        assertThat(event.location().coordinates()).isNull();
    }
}
