package io.alter8.command.notification;

import io.alter8.api.common.Mask;
import io.alter8.api.common.PageView;
import io.alter8.web.ApiException;
import io.alter8.web.FieldError;
import io.alter8.web.Paging;
import io.alter8.web.Problems;
import io.alter8.web.security.AccessRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The operators' view of messages that could not be delivered (status {@code failed}): list them and send one
 * again. It lives beside the durable record, on the command side, like the other admin queues. A message's text is
 * never shown (it may hold a code); phone numbers are masked.
 */
@RestController
@RequestMapping(value = "/api/admin/notifications/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Notifications", description = "Delivery of messages to people")
class DeadLetterController {

    private static final Set<String> CHANNELS = Set.of("email", "sms", "whatsapp", "in_app");

    private final JdbcTemplate jdbc;
    private final Deliveries deliveries;
    private final DeliveryQueue queue;
    private final Clock clock;

    DeadLetterController(JdbcTemplate jdbc, Deliveries deliveries, DeliveryQueue queue, Clock clock) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.queue = queue;
        this.clock = clock;
    }

    /** A message that was not delivered: where it was going, what it was, and why it failed. */
    record DeadLetterView(UUID id, String channel, String destination, String template, UUID userId, int attempts,
                          String lastError, Instant createdAt, Instant failedAt) {
    }

    @GetMapping
    @Operation(summary = "Messages that could not be delivered",
               description = "Admins. Newest failure first (sort=failedAt,asc for oldest); channel filters.")
    PageView<DeadLetterView> list(@RequestParam(required = false) String channel,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size,
                                  @RequestParam(required = false) String sort) {
        List<FieldError> errors = new ArrayList<>();
        if (channel != null && !CHANNELS.contains(channel)) {
            errors.add(new FieldError("channel", "must be one of: email, sms, whatsapp, in_app"));
        }
        Paging paging = Paging.parse(page, size, sort == null ? "failedAt,desc" : sort, Set.of("failedAt"),
                                     "failedAt", errors);
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        String direction = paging.ascending() ? "ASC" : "DESC";
        String where = "status = 'failed'" + (channel == null ? "" : " AND channel = ?");
        List<Object> args = new ArrayList<>();
        if (channel != null) {
            args.add(channel);
        }
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(paging.size());
        pageArgs.add(paging.offset());
        List<DeadLetterView> items = jdbc.query(
                "SELECT id, channel, destination, template, user_id, attempts, last_error, created_at, failed_at "
                        + "FROM notification_outbox WHERE " + where + " ORDER BY failed_at " + direction + ", id "
                        + direction + " LIMIT ? OFFSET ?",
                (rs, i) -> new DeadLetterView(rs.getObject(1, UUID.class), rs.getString(2),
                                              shown(rs.getString(2), rs.getString(3)), rs.getString(4),
                                              rs.getObject(5, UUID.class), rs.getInt(6), rs.getString(7),
                                              instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9))),
                pageArgs.toArray());
        return new PageView<>(items, paging.page(), paging.size(), Paging.total(
                items.size(), paging.page(), paging.size(),
                () -> jdbc.queryForObject("SELECT count(*) FROM notification_outbox WHERE " + where, Long.class,
                                          args.toArray())));
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Send a dead-lettered message again",
               description = "Admins. It gets a fresh set of tries; 404 if no such message failed.")
    ResponseEntity<Void> retry(@PathVariable UUID id) {
        Deliveries.Queued revived = deliveries.revive(id, clock.instant())
                                              .orElseThrow(() -> ApiException.notFound("dead letter", id));
        queue.forgetDead(revived.channel(), id);
        queue.push(revived.channel(), id, revived.priority(), 0, revived.createdAt());
        return ResponseEntity.accepted().build();
    }

    private static String shown(String channel, String destination) {
        return "email".equals(channel) ? destination : Mask.PHONE.apply(destination);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers("/api/admin/notifications/**").hasAnyRole("admin", "super_admin");
        }
    }
}
