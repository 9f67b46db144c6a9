package io.alter8.infra.eventstore;

import io.alter8.api.verification.VerificationCompleted;
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

class VerificationCompletedUpcasterTest {

    /** A report as revision 1 stored it: bare photo, video and tour URLs. */
    static final String REVISION_1 = """
            {"verificationId": "%s", "propertyId": "%s",
             "report": {"qualityScore": 8, "issuesFound": ["damp wall"], "recommendations": ["repaint"],
                        "photoUrls": ["https://cdn.example/1.jpg", "https://cdn.example/2.jpg"],
                        "videoUrl": "https://cdn.example/walk.mp4", "virtualTourUrl": %s,
                        "details": {"kitchen": "good"}, "legal": null},
             "completedBy": "%s"}""";

    final Serializer serializer = EventSerialization.serializer();

    VerificationCompleted upcast(String tour) {
        String id = UUID.randomUUID().toString();
        String payload = REVISION_1.formatted(id, UUID.randomUUID(), tour, UUID.randomUUID());
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                "PropertyVerification", id, 3, UUID.randomUUID().toString(), Instant.now(),
                VerificationCompletedUpcaster.TYPE, "1", payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast = new VerificationCompletedUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        return serializer.deserialize(upcast.get(0).getData());
    }

    @Test
    void anOldReportKeepsItsUrlsAsLegacyAndNamesNoMedia() {
        VerificationCompleted event = upcast("\"https://tour.example/360\"");

        assertThat(event.report().mediaIds()).isEmpty();
        assertThat(event.report().legacyMediaUrls()).containsExactly(
                "https://cdn.example/1.jpg", "https://cdn.example/2.jpg", "https://cdn.example/walk.mp4",
                "https://tour.example/360");
        assertThat(event.report().qualityScore()).isEqualTo(8);
        assertThat(event.report().issuesFound()).containsExactly("damp wall");
        assertThat(event.report().details()).containsEntry("kitchen", "good");
    }

    @Test
    void anAbsentTourAddsNoLegacyUrl() {
        VerificationCompleted event = upcast("null");

        assertThat(event.report().legacyMediaUrls()).containsExactly(
                "https://cdn.example/1.jpg", "https://cdn.example/2.jpg", "https://cdn.example/walk.mp4");
    }
}
