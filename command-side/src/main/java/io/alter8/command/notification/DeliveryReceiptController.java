package io.alter8.command.notification;

import io.alter8.web.ApiException;
import io.alter8.web.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where the e-mail, SMS and WhatsApp providers report what became of a message they took: delivered, read (an e-mail
 * opened) or failed. Open to no token; a receipt is believed only with its provider's signature
 * ({@link DeliveryReceipts}). A signed receipt is answered 204 whether or not it named a message of ours and
 * whether or not it changed anything, so the route tells nobody which ids exist.
 */
@RestController
@Tag(name = "Notifications", description = "Delivery of messages to people")
class DeliveryReceiptController {

    private static final Map<String, Deliveries.Receipt> STATUSES = Map.of(
            "delivered", Deliveries.Receipt.DELIVERED, "read", Deliveries.Receipt.READ,
            "opened", Deliveries.Receipt.READ, "failed", Deliveries.Receipt.FAILED);
    /** Providers' ids and failure codes: printable and short, nothing a log or a column could be abused with. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9 ._:@<>+=/-]{1,200}");

    private final DeliveryReceipts receipts;
    private final JsonMapper json;

    DeliveryReceiptController(DeliveryReceipts receipts, JsonMapper json) {
        this.receipts = receipts;
        this.json = json;
    }

    @PostMapping(value = "/api/delivery-receipts/{channel}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A provider's delivery receipt",
               description = "For the providers of email, sms and whatsapp, signed with the channel's secret: header "
                             + DeliveryReceipts.SIGNATURE_HEADER + ": t=<unix seconds>,v1=<hex HMAC-SHA256 of "
                             + "\"<t>.<body>\">. Body {\"messageId\" (ours) or \"providerMessageId\", \"status\": "
                             + "delivered | read | opened | failed, \"occurredAt\", \"reason\"}. 204 for any signed "
                             + "receipt, known id or not; 401 unsigned, wrongly signed or older than the allowed "
                             + "age.")
    ResponseEntity<Void> receipt(@PathVariable String channel,
                                 @Parameter(description = "t=<unix seconds>,v1=<hex signature>")
                                 @RequestHeader(name = DeliveryReceipts.SIGNATURE_HEADER, required = false)
                                 String signature,
                                 @RequestBody(required = false) byte[] body) {
        receipts.verify(channel, signature, body);
        receipts.apply(channel, parse(body));
        return ResponseEntity.noContent().build();
    }

    private DeliveryReceipts.Receipt parse(byte[] body) {
        JsonNode node;
        try {
            node = body == null ? null : json.readTree(body);
        } catch (RuntimeException notJson) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badInput("body", "must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        UUID messageId = null;
        String messageText = text(node, "messageId");
        if (messageText != null) {
            try {
                messageId = UUID.fromString(messageText);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("messageId", "must be the message id Alter8 sent (a UUID)"));
            }
        }
        String providerMessageId = token(node, "providerMessageId", errors);
        if (messageText == null && providerMessageId == null) {
            errors.add(new FieldError("messageId", "messageId or providerMessageId is required"));
        }
        Deliveries.Receipt status = STATUSES.get(text(node, "status"));
        if (status == null) {
            errors.add(new FieldError("status", "must be one of: delivered, read, opened, failed"));
        }
        Instant at = null;
        String occurredAt = text(node, "occurredAt");
        if (occurredAt != null) {
            try {
                at = Instant.parse(occurredAt);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("occurredAt", "must be an instant such as 2026-12-07T10:15:30Z"));
            }
        }
        String reason = token(node, "reason", errors);
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        return new DeliveryReceipts.Receipt(messageId, providerMessageId, status, at, reason);
    }

    private static String token(JsonNode node, String field, List<FieldError> errors) {
        String value = text(node, field);
        if (value != null && !TOKEN.matcher(value).matches()) {
            errors.add(new FieldError(field, "must be 1 to 200 letters, digits, spaces or ._:@<>+=/-"));
            return null;
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
