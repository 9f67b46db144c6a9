package io.alter8.command.config;

import io.alter8.infra.eventstore.MovableClock;
import io.alter8.web.ApiException;
import io.alter8.web.security.AccessRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Local stack only ({@code alter8.clock.movable}): an admin moves the platform's clock forward, then every job that
 * acts on time runs at once ({@link ClockMoved}), so a person can watch a late fee appear without waiting days. The
 * query side follows the move within a fraction of a second (what it lists as overdue).
 */
@RestController
@ConditionalOnProperty(MovableClock.MOVABLE)
@Tag(name = "Local clock", description = "Move the platform's clock forward (local stack only)")
class LocalClockController {

    private final Clock clock;
    private final ApplicationEventPublisher events;

    LocalClockController(Clock clock, ApplicationEventPublisher events) {
        this.clock = clock;
        this.events = events;
    }

    /** {@code advanceBy} as ISO-8601, e.g. {@code P10D} or {@code PT6H}. */
    record ClockRequest(@NotNull Duration advanceBy) {
    }

    record ClockAnswer(Instant now) {
    }

    @PostMapping("/api/admin/clock")
    @Operation(summary = "Move the platform's clock forward, then run the jobs that act on time (admins, local only)")
    ClockAnswer advance(@Valid @RequestBody ClockRequest request) {
        if (!(clock instanceof MovableClock movable)) {
            throw new IllegalStateException("the clock is not movable");
        }
        if (request.advanceBy().isNegative() || request.advanceBy().isZero()) {
            throw ApiException.badInput("advanceBy", "moves the clock forward");
        }
        Instant now = movable.advance(request.advanceBy());
        events.publishEvent(new ClockMoved(now));
        return new ClockAnswer(now);
    }

    @Component
    @ConditionalOnProperty(MovableClock.MOVABLE)
    static class ClockAccessRules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers(HttpMethod.POST, "/api/admin/clock").hasAnyRole("admin", "super_admin");
        }
    }
}
