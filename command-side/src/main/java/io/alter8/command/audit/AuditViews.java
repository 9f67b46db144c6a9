package io.alter8.command.audit;

import io.alter8.infra.eventstore.PersonalDataUpcaster;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * How a stored event is shown to an auditor: its place in the log, its payload as stored, and who caused it. Personal
 * data travels in events encrypted ({@code EncryptedValue}); here only its masked form is shown, never the
 * ciphertext or fingerprint, which would let two answers be compared value by value. Names, contacts and dates of
 * birth of events stored before they were encrypted are shown masked the same way ({@link PersonalDataUpcaster}).
 */
@Component
class AuditViews {

    record AuditMetadata(String userId, List<String> roles, String correlationId, String causationId,
                         String commandCausationId, String clientIp, String idempotencyKey) {
    }

    record AuditEventView(long position, String eventId, String aggregateType, String aggregateId, long sequence,
                          String type, String revision, Instant timestamp, JsonNode payload, AuditMetadata metadata) {
    }

    private final JsonMapper json;

    AuditViews(JsonMapper json) {
        this.json = json;
    }

    AuditEventView of(StoredEvent e) {
        return new AuditEventView(e.position(), e.eventId(), AggregateTypes.urlName(e.aggregateType()),
                                  e.aggregateId(), e.sequence(), e.payloadType(), e.revision(),
                                  Instant.parse(e.timestamp()),
                                  masked(PersonalDataUpcaster.sealed(e.payloadType(), e.revision(),
                                                                     json.readTree(e.payload()))),
                                  metadata(e.metaData()));
    }

    AuditMetadata metadata(byte[] stored) {
        JsonNode meta = stored == null ? json.createObjectNode() : json.readTree(stored);
        String roles = text(meta, "userRoles");
        return new AuditMetadata(text(meta, "userId"),
                                 roles == null || roles.isBlank() ? List.of() : Arrays.asList(roles.split(",")),
                                 text(meta, "correlationId"), text(meta, "causationId"),
                                 text(meta, "commandCausationId"), text(meta, "clientIp"),
                                 text(meta, "idempotencyKey"));
    }

    /** {@code node} with every encrypted value replaced by its masked form. */
    JsonNode masked(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("ciphertext") && object.has("keyId") && object.has("masked")) {
                return StringNode.valueOf(object.get("masked").asString());
            }
            for (String name : List.copyOf(object.propertyNames())) {
                object.set(name, masked(object.get(name)));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, masked(array.get(i)));
            }
        }
        return node;
    }

    private static String text(JsonNode meta, String key) {
        JsonNode value = meta.get(key);
        return value == null || value.isNull() ? null : value.asString();
    }
}
