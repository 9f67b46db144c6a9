package io.alter8.infra.eventstore;

import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.Mask;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The events that carried names, e-mail addresses, phones and dates of birth in plain text, read in the revision that
 * carries them encrypted ({@link EncryptedValue}): each plain value becomes an {@link EncryptedValue#STORED_PLAIN}
 * value of the person it belongs to (the event's user or signer), masked as a new event would mask it.
 * <p>
 * Why not encrypt: an upcaster runs wherever events are read (the command side, the query side's processors, Axon
 * Server's clients) and must give the same answer every time, without writing anything; real encryption needs the
 * person's data key, which the query side may not create and an erased person no longer has. And the stored bytes
 * cannot be re-encrypted in place: events are immutable, and the Merkle log's leaves hash them. So an old event keeps
 * its plain bytes, and everything that reads it through this upcaster sees a value that reads as plain text while
 * its owner exists and as erased once their key is shredded, as a new event's does.
 */
public class PersonalDataUpcaster extends SingleEventUpcaster {

    /** One event type whose revision {@code from} carried {@code fields} plain; {@code owner} names whose they are. */
    record Rule(String type, String from, String to, String owner, Map<String, Mask> fields) {
    }

    static final List<Rule> RULES = List.of(
            new Rule("io.alter8.api.user.UserRegistered", "1", "2", "userId",
                     Map.of("email", Mask.EMAIL, "phone", Mask.PHONE, "firstName", Mask.NAME,
                            "lastName", Mask.NAME)),
            new Rule("io.alter8.api.user.PersonalDetailsChanged", "1", "2", "userId",
                     Map.of("firstName", Mask.NAME, "lastName", Mask.NAME)),
            new Rule("io.alter8.api.user.EmailVerified", "1", "2", "userId", Map.of("email", Mask.EMAIL)),
            new Rule("io.alter8.api.user.PhoneVerified", "1", "2", "userId", Map.of("phone", Mask.PHONE)),
            new Rule("io.alter8.api.user.TenantProfileUpdated", "1", "2", "userId",
                     Map.of("profile.dateOfBirth", Mask.HIDDEN, "profile.emergencyContact.name", Mask.NAME,
                            "profile.previousLandlord.name", Mask.NAME, "profile.references[].name", Mask.NAME)),
            new Rule("io.alter8.api.user.OwnerProfileUpdated", "1", "2", "userId",
                     Map.of("profile.bankAccount.accountHolderName", Mask.NAME)),
            new Rule("io.alter8.api.document.DocumentSigned", "1", "2", "signerId",
                     Map.of("signerName", Mask.NAME)));

    /** The types it reads, named for the check that every stored type and revision can still be read. */
    static final List<String> TYPES = RULES.stream().map(Rule::type).toList();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return rule(representation.getType().getName(), representation.getType().getRevision()).isPresent();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        Rule rule = rule(representation.getType().getName(), representation.getType().getRevision()).orElseThrow();
        return representation.upcast(new SimpleSerializedType(rule.type(), rule.to()), ObjectNode.class,
                                     event -> seal(rule, event), Function.identity());
    }

    /**
     * {@code payload}, stored as {@code type} at {@code revision}, with its plain personal values in the encrypted
     * form; any other payload as it is. For those who show stored events (the audit routes), so that they show these
     * values masked like every encrypted one.
     */
    public static JsonNode sealed(String type, String revision, JsonNode payload) {
        return payload instanceof ObjectNode event
                ? rule(type, revision).map(rule -> (JsonNode) seal(rule, event)).orElse(payload)
                : payload;
    }

    private static Optional<Rule> rule(String type, String revision) {
        return RULES.stream().filter(r -> r.type().equals(type) && r.from().equals(revision)).findFirst();
    }

    private static ObjectNode seal(Rule rule, ObjectNode event) {
        JsonNode owner = event.get(rule.owner());
        String ownerId = owner == null || owner.isNull() ? null : owner.asString();
        rule.fields().forEach((path, mask) -> seal(event, List.of(path.split("\\.")), ownerId, mask));
        return event;
    }

    /** Replaces the string at {@code path} (a step ending in {@code []} goes into each element of an array). */
    private static void seal(ObjectNode node, List<String> path, String owner, Mask mask) {
        String step = path.get(0);
        boolean each = step.endsWith("[]");
        String field = each ? step.substring(0, step.length() - 2) : step;
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (each) {
            if (value instanceof ArrayNode elements) {
                for (JsonNode element : elements) {
                    if (element instanceof ObjectNode object && path.size() > 1) {
                        seal(object, path.subList(1, path.size()), owner, mask);
                    }
                }
            }
        } else if (path.size() > 1) {
            if (value instanceof ObjectNode object) {
                seal(object, path.subList(1, path.size()), owner, mask);
            }
        } else if (value.isString()) {
            node.set(field, storedPlain(owner, value.asString(), mask));
        }
    }

    /** Blank was no value; a value without an owner to erase it with cannot be stored-plain and is dropped. */
    private static JsonNode storedPlain(String owner, String plaintext, Mask mask) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (plaintext.isBlank() || owner == null) {
            return json.nullNode();
        }
        EncryptedValue value = EncryptedValue.ofStoredPlain(owner, plaintext, mask);
        ObjectNode sealed = json.objectNode();
        sealed.put("keyId", value.keyId());
        sealed.put("algorithm", value.algorithm());
        sealed.put("ciphertext", value.ciphertext());
        sealed.put("fingerprint", value.fingerprint());
        sealed.put("masked", value.masked());
        return sealed;
    }
}
