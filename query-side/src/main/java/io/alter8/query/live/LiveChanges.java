package io.alter8.query.live;

import io.alter8.api.property.UnitAdded;
import io.alter8.api.property.UnitOccupied;
import io.alter8.api.property.UnitRemoved;
import io.alter8.api.property.UnitRevised;
import io.alter8.api.property.UnitVacated;
import io.alter8.query.cache.SafeRedis;
import io.alter8.query.processing.AfterBatch;
import io.alter8.query.processing.ShadowTransaction;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes {@code lease:changes:{leaseId}}, {@code property:changes:{propertyId}} and {@code unit:changes:{unitId}}
 * from the projectors of the leases and the property catalog, once the batch that applied the event has committed
 * (so a client told of a change reads it), and never during a replay or a blue/green rebuild (nothing changed for
 * anyone). The message names the event, the entity, and the event's position for {@code X-Await-Position}; no
 * field of the event itself, so nothing personal reaches Redis. A lost publication costs the live update only.
 * A batch's messages go to Redis in one call, in event order (a script that publishes each): one round trip per
 * batch instead of one per message.
 */
@Configuration(proxyBeanMethods = false)
class LiveChanges {

    static final String LEASES = "leases";
    static final String PROPERTIES = "property-listing";

    @Bean
    ConfigurerModule liveChangesFromProjectors(SafeRedis redis, JsonMapper json) {
        return configurer -> {
            configurer.eventProcessing().registerHandlerInterceptor(LEASES, c -> new Publisher(redis, json));
            configurer.eventProcessing().registerHandlerInterceptor(PROPERTIES, c -> new Publisher(redis, json));
        };
    }

    private record Channel(String name, String kind, Map<String, Object> fields) {
    }

    /** ARGV: channel, message, channel, message, … Publishes each, in order. */
    private static final DefaultRedisScript<Long> PUBLISH_ALL = new DefaultRedisScript<>("""
            for i = 1, #ARGV, 2 do redis.call('PUBLISH', ARGV[i], ARGV[i + 1]) end
            return #ARGV / 2""", Long.class);

    private record Publisher(SafeRedis redis, JsonMapper json) implements MessageHandlerInterceptor<EventMessage<?>> {

        /** Published after the batch, in event order (an owner hears of a property before its unit). */
        private static final String LIVE_CHANGES = "live-changes";

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            Object result = chain.proceed();
            EventMessage<?> event = unitOfWork.getMessage();
            if (!ReplayToken.isReplay(event) && !ShadowTransaction.active()
                    && event instanceof DomainEventMessage<?> domain) {
                List<Channel> channels = channels(domain);
                if (!channels.isEmpty()) {
                    Map<String, Object> message = new LinkedHashMap<>();
                    message.put("event", domain.getPayloadType().getSimpleName());
                    message.put("aggregateType", domain.getType());
                    message.put("aggregateId", domain.getAggregateIdentifier());
                    message.put("sequence", domain.getSequenceNumber());
                    if (domain instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
                        tracked.trackingToken().position().ifPresent(p -> message.put("position", p));
                    }
                    channels.forEach(channel -> {
                        Map<String, Object> sent = new LinkedHashMap<>();
                        sent.put("kind", channel.kind());
                        sent.putAll(channel.fields());
                        sent.putAll(message);
                        String text = json.writeValueAsString(sent);
                        AfterBatch.<List<String>>add(LIVE_CHANGES, ArrayList::new, batch -> {
                            batch.add(channel.name());
                            batch.add(text);
                        }, this::publish);
                    });
                }
            }
            return result;
        }

        /** Channels and their messages, alternating: all in one round trip. */
        private void publish(List<String> publications) {
            redis.call(r -> r.execute(PUBLISH_ALL, List.of(), publications.toArray()), null);
        }

        /** The channels an event is news on, each with the kind of change it reports there and its own fields. */
        private static List<Channel> channels(DomainEventMessage<?> event) {
            String id = event.getAggregateIdentifier();
            switch (event.getType()) {
                case "Lease" -> {
                    return List.of(new Channel("lease:changes:" + id, "lease_changed", Map.of()));
                }
                case "Property" -> {
                    Channel property = new Channel("property:changes:" + id, "property_changed", Map.of());
                    UUID unit = unit(event.getPayload());
                    return unit == null ? List.of(property)
                            : List.of(property, new Channel("unit:changes:" + unit, "unit_changed",
                                                            Map.of("unitId", unit.toString())));
                }
                default -> {
                    // events of other aggregates these projectors read: no lease or property changed
                    return List.of();
                }
            }
        }

        private static UUID unit(Object payload) {
            if (payload instanceof UnitAdded e) {
                return e.unitId().value();
            } else if (payload instanceof UnitRevised e) {
                return e.unitId().value();
            } else if (payload instanceof UnitRemoved e) {
                return e.unitId().value();
            } else if (payload instanceof UnitOccupied e) {
                return e.unitId().value();
            } else if (payload instanceof UnitVacated e) {
                return e.unitId().value();
            }
            return null;
        }
    }
}
