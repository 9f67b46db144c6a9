package io.alter8.infra.eventstore;

import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code VerificationCompleted} revision 1 (a report with bare {@code photoUrls}, {@code videoUrl} and
 * {@code virtualTourUrl}) as revision 2 (a report naming media ids). A URL names no medium, so the upcast report names
 * none ({@code mediaIds} empty) and keeps the URLs, photos first, then the video and the tour, in
 * {@code legacyMediaUrls}: what the executive reported stays readable, and no medium is invented for it.
 */
public class VerificationCompletedUpcaster extends RevisionUpcaster {

    static final String TYPE = "io.alter8.api.verification.VerificationCompleted";

    public VerificationCompletedUpcaster() {
        super(TYPE, "1", "2");
    }

    @Override
    protected ObjectNode revise(ObjectNode event, IntermediateEventRepresentation representation) {
        return revision2(event);
    }

    static ObjectNode revision2(ObjectNode event) {
        JsonNode old = event.get("report");
        if (!(old instanceof ObjectNode report)) {
            return event;
        }
        ArrayNode legacy = report.arrayNode();
        JsonNode photos = report.remove("photoUrls");
        if (photos != null && photos.isArray()) {
            photos.forEach(url -> addText(legacy, url));
        }
        addText(legacy, report.remove("videoUrl"));
        addText(legacy, report.remove("virtualTourUrl"));
        report.putArray("mediaIds");
        report.set("legacyMediaUrls", legacy);
        return event;
    }

    private static void addText(ArrayNode into, JsonNode url) {
        if (url != null && url.isString() && !url.asString().isBlank()) {
            into.add(url.asString());
        }
    }
}
