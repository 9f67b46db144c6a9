package io.alter8.query.live;

import io.alter8.query.chat.Conversations;
import io.alter8.query.chat.EntityPeople;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.data.redis.listener.Topic;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * The Redis pub/sub channels of the management model, heard by every query-side instance and passed on to the live
 * streams of the users each concerns:
 * <ul>
 * <li>{@code notifications:{userId}}: that user (new inbox items with the unread count, from the inbox);</li>
 * <li>{@code chat:messages:{conversationId}}: the conversation's participants who are still people of its subject;</li>
 * <li>{@code lease:changes:{leaseId}}, {@code property:changes:{propertyId}}, {@code unit:changes:{unitId}}: the
 * people of that lease, property or unit's property ({@link EntityPeople}), published by the projectors after their
 * commit ({@link LiveChanges});</li>
 * <li>{@code maintenance:updates:{propertyId}}: the property's people; nothing publishes it until maintenance
 * exists;</li>
 * <li>{@code system:broadcasts}: everyone listening (admins' announcements).</li>
 * </ul>
 * One thread handles the messages in the order Redis delivers them, so each user's events keep their order. Each is
 * kept in the user's replay buffer (for those listening within the hour) before it is sent.
 */
@Configuration(proxyBeanMethods = false)
class LiveChannels {

    private static final Logger log = LoggerFactory.getLogger(LiveChannels.class);

    static final String BROADCASTS = "system:broadcasts";
    private static final String CHAT = "chat:messages:";

    /** Channel prefix to the SSE event name. */
    private static final Map<String, String> KINDS = Map.of(
            "notifications:", "notification",
            CHAT, "chat",
            "lease:changes:", "lease",
            "property:changes:", "property",
            "unit:changes:", "unit",
            "maintenance:updates:", "maintenance");

    @Bean
    RedisMessageListenerContainer liveChannelListener(RedisConnectionFactory redis, ReplayBuffer buffer,
                                                      EventStreams streams, EntityPeople people,
                                                      Conversations conversations, JsonMapper json) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis);
        container.setTaskExecutor(Executors.newSingleThreadExecutor(r -> new Thread(r, "live-channels")));
        List<Topic> topics = new java.util.ArrayList<>();
        KINDS.keySet().forEach(prefix -> topics.add(new PatternTopic(prefix + "*")));
        topics.add(new PatternTopic(BROADCASTS));
        container.addMessageListener(new Router(buffer, streams, people, conversations, json), topics);
        // Started by liveChannelSubscription, which does not let a slow or absent Redis stop the service starting.
        container.setAutoStartup(false);
        return container;
    }

    /**
     * Subscribes in the background, trying again every five seconds until Redis answers: without Redis the service
     * still answers queries, and live streams carry nothing until it is back.
     */
    @Bean
    SmartLifecycle liveChannelSubscription(RedisMessageListenerContainer liveChannelListener) {
        return new BackgroundSubscription(liveChannelListener, Duration.ofSeconds(5));
    }

    /** The SSE event name of a channel's messages. */
    static String kind(String channel) {
        if (BROADCASTS.equals(channel)) {
            return "broadcast";
        }
        String prefix = prefix(channel);
        return prefix == null ? "message" : KINDS.get(prefix);
    }

    private static String prefix(String channel) {
        return KINDS.keySet().stream().filter(channel::startsWith).findFirst().orElse(null);
    }

    private record Router(ReplayBuffer buffer, EventStreams streams, EntityPeople people,
                          Conversations conversations, JsonMapper json) implements MessageListener {

        @Override
        public void onMessage(Message message, byte[] pattern) {
            String channel = new String(message.getChannel(), StandardCharsets.UTF_8);
            String data = new String(message.getBody(), StandardCharsets.UTF_8);
            try {
                forgetDeletedMessage(channel, data);
                // Most changes concern nobody listening: one look at the listeners spares the database the
                // look-up of whom the change concerns.
                if (!BROADCASTS.equals(channel) && !buffer.anyListeners()) {
                    return;
                }
                Set<UUID> listening = BROADCASTS.equals(channel) ? buffer.allListeners()
                        : buffer.listeners(concerned(channel));
                for (UUID user : listening) {
                    streams.deliver(user, buffer.append(user, channel, data), kind(channel), data);
                }
            } catch (RuntimeException e) {
                // A store away: this message is not delivered live; readers still find it by reading.
                log.warn("Live message on {} not delivered: {}", channel, e.getMessage());
            }
        }

        /**
         * A chat message deleted: its earlier entry, text and all, leaves the replay buffer of every participant.
         * Here, in the order Redis delivers, the message's own entry has been written before its deletion arrives.
         */
        private void forgetDeletedMessage(String channel, String data) {
            if (!channel.startsWith(CHAT)) {
                return;
            }
            JsonNode event;
            try {
                event = json.readTree(data);
            } catch (JacksonException notJson) {
                return;
            }
            String deleted = event.path("messageId").asString("");
            if (!"deleted".equals(event.path("kind").asString("")) || deleted.isEmpty()) {
                return;
            }
            UUID conversation;
            try {
                conversation = UUID.fromString(channel.substring(CHAT.length()));
            } catch (IllegalArgumentException notAnId) {
                return;
            }
            for (UUID participant : conversations.participants(conversation)) {
                buffer.forget(participant, channel, "\"kind\":\"message\"", "\"id\":\"" + deleted + "\"");
            }
        }

        /** Who may see what a channel carries; nobody for a channel that is not a prefix and an id. */
        private Set<UUID> concerned(String channel) {
            String prefix = prefix(channel);
            String rest = prefix == null ? "" : channel.substring(prefix.length());
            UUID id;
            try {
                id = UUID.fromString(rest);
            } catch (IllegalArgumentException notAnId) {
                return Set.of();
            }
            if (!id.toString().equals(rest)) {
                return Set.of();
            }
            return switch (KINDS.get(prefix)) {
                case "notification" -> Set.of(id);
                case "chat" -> Set.copyOf(conversations.readers(id));
                case "lease" -> people.ofLease(id);
                case "property", "maintenance" -> people.ofProperty(id);
                case "unit" -> people.ofUnit(id);
                default -> Set.of();
            };
        }
    }
}
