package io.alter8.infra.eventstore;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import io.alter8.api.property.PropertyVerificationChanged;
import io.alter8.api.property.PropertyVerificationStatus;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PropertyVerificationChanged} gained a trailing {@code verification} at revision 1: payloads stored before
 * it still read (as an admin's decision, without a verification), and new ones keep it.
 */
class PropertyVerificationChangedFormatTest {

    final Serializer serializer = EventSerialization.serializer();

    @Test
    void aPayloadStoredBeforeTheVerificationFieldReadsWithoutOne() {
        UUID property = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        byte[] stored = """
                {"propertyId": "%s", "status": "verified", "notes": "checked", "decidedBy": "%s"}"""
                .formatted(property, admin).getBytes(StandardCharsets.UTF_8);

        PropertyVerificationChanged event = serializer.deserialize(new SimpleSerializedObject<>(
                stored, byte[].class, new SimpleSerializedType(PropertyVerificationChanged.class.getName(), "1")));

        assertThat(event).isEqualTo(new PropertyVerificationChanged(new PropertyId(property),
                                                                    PropertyVerificationStatus.VERIFIED, "checked",
                                                                    new UserId(admin), null));
    }

    @Test
    void aPayloadWithTheVerificationKeepsIt() {
        PropertyVerificationChanged event = new PropertyVerificationChanged(
                PropertyId.random(), PropertyVerificationStatus.REJECTED, null, UserId.random(),
                new VerificationId(UUID.randomUUID()));

        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);

        assertThat(stored.getType().getRevision()).isEqualTo("1");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
    }
}
