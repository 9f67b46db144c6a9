package io.alter8.command.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * What every event inherits from the message that caused it: the correlation id of the whole conversation, the id
 * of the causing message (and, on events, the cause of their command), and who asked from where (user, client IP, Idempotency-Key).
 */
class RequestCorrelationData implements CorrelationDataProvider {

    static final String CORRELATION_ID = "correlationId";
    static final String CAUSATION_ID = "causationId";
    /** On an event: what caused its command (the event a process answered), so the audit can link the two. */
    static final String COMMAND_CAUSATION_ID = "commandCausationId";
    static final String[] CARRIED = {"clientIp", "idempotencyKey", "userId", "userRoles"};

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        Object correlation = message.getMetaData().get(CORRELATION_ID);
        data.put(CORRELATION_ID, correlation != null ? correlation : message.getIdentifier());
        data.put(CAUSATION_ID, message.getIdentifier());
        Object commandCause = message.getMetaData().get(CAUSATION_ID);
        if (message instanceof CommandMessage && commandCause != null) {
            data.put(COMMAND_CAUSATION_ID, commandCause);
        }
        for (String key : CARRIED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        return data;
    }
}
