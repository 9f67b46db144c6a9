package io.alter8.query.live;

import io.alter8.query.cache.SafeRedis;
import io.alter8.query.web.StreamLifetime;
import io.alter8.web.ApiException;
import io.alter8.web.security.AccessRules;
import io.alter8.web.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The caller's live stream (Server-Sent Events) and the admins' announcements. The stream authenticates like every
 * route, with the bearer token in the {@code Authorization} header, never in the URL (docs/security.md).
 */
@RestController
@Tag(name = "Live updates", description = "Server-Sent Events per user, and announcements")
class EventStreamController {

    private final EventStreams streams;
    private final SafeRedis redis;
    private final JsonMapper json;
    private final Clock clock;

    EventStreamController(EventStreams streams, SafeRedis redis, JsonMapper json, Clock clock) {
        this.streams = streams;
        this.redis = redis;
        this.json = json;
        this.clock = clock;
    }

    record BroadcastRequest(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 2000) String message) {
    }

    record BroadcastView(UUID id, String title, String message, Instant sentAt) {
    }

    @GetMapping(value = "/api/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "My live stream (Server-Sent Events)",
               description = "Events named notification, chat, lease, property, unit, maintenance and broadcast, "
                       + "each with an id; data is the JSON published on the channel. Send Last-Event-ID on "
                       + "reconnection to get what was missed (the last 100 events of the past hour); a resync "
                       + "event says some may be lost. The stream ends when the access token expires: reconnect "
                       + "with a fresh one. At most 3 streams per user (429).")
    SseEmitter stream(@RequestHeader(value = "Last-Event-ID", required = false) String lastEventId) {
        if (lastEventId != null && !ReplayBuffer.isId(lastEventId)) {
            throw ApiException.badInput("Last-Event-ID", "is not an event id of this stream");
        }
        return streams.open(CurrentUser.require(), StreamLifetime.tokenExpiry(), lastEventId);
    }

    @PostMapping(value = "/api/admin/broadcasts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Announce to everyone listening",
               description = "Admins: published on system:broadcasts, sent to every open live stream and kept in the "
                       + "replay buffer of everyone who listened within the hour. 202.")
    ResponseEntity<BroadcastView> broadcast(@Valid @RequestBody BroadcastRequest request) {
        BroadcastView sent = new BroadcastView(UUID.randomUUID(), request.title(), request.message(),
                                               clock.instant());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("kind", "broadcast");
        message.put("id", sent.id());
        message.put("title", sent.title());
        message.put("message", sent.message());
        message.put("sentAt", sent.sentAt());
        String text = json.writeValueAsString(message);
        Long heard = redis.call(r -> r.convertAndSend(LiveChannels.BROADCASTS, text), null);
        if (heard == null) {
            throw new ApiException(io.alter8.web.Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "not-ready",
                                                             "Not ready", "the announcement could not be sent: "
                                                                     + "Redis is unreachable")).withHeader(
                    "Retry-After", "5");
        }
        return ResponseEntity.accepted().body(sent);
    }

    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers(HttpMethod.GET, "/api/events/stream").authenticated()
                 .requestMatchers("/api/admin/broadcasts").hasAnyRole("admin", "super_admin");
        }
    }
}
