package io.alter8.query.subscription;

import io.alter8.api.lease.LeaseActivationRequested;
import io.alter8.api.property.HudApprovalRecorded;
import io.alter8.api.property.PropertyRegistered;
import io.alter8.api.property.UnitAdded;
import io.alter8.api.subscription.Features;
import io.alter8.api.user.UserLoggedIn;
import io.alter8.api.verification.PropertyVerificationRequested;
import io.alter8.web.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What feeds {@link UsagePatterns}: the events of feature use and logins (processing group {@code usage-patterns},
 * not replayed, since a rebuild would record the uses again) and the page views of the query API.
 */
final class UsagePatternSources {

    private UsagePatternSources() {
    }

    /**
     * Feature uses by whoever sent the command, and logins, each keyed by its event's id. A use needs only the
     * event's metadata, id and time: its handlers name the event type in the annotation and take the message, so the
     * payload (a property's whole registration) is never deserialized for them.
     */
    @Component
    @ProcessingGroup(Events.PROCESSING_GROUP)
    static class Events {

        static final String PROCESSING_GROUP = "usage-patterns";

        private final UsagePatterns patterns;
        private final JdbcTemplate jdbc;
        private final Map<String, String> featureIds = new ConcurrentHashMap<>();

        Events(UsagePatterns patterns, JdbcTemplate jdbc) {
            this.patterns = patterns;
            this.jdbc = jdbc;
        }

        @EventHandler
        @DisallowReplay
        void on(UserLoggedIn event, EventMessage<?> message) {
            Object ip = message.getMetaData().get("clientIp");
            patterns.record(new UsagePatterns.Login(event.userId().value(), event.loggedInAt(),
                                                    ip == null ? null : ip.toString(), message.getIdentifier()));
        }

        @EventHandler(payloadType = PropertyRegistered.class)
        @DisallowReplay
        void propertyRegistered(EventMessage<?> message) {
            use(Features.PROPERTIES, "property_registered", message);
        }

        @EventHandler(payloadType = UnitAdded.class)
        @DisallowReplay
        void unitAdded(EventMessage<?> message) {
            use(Features.UNITS, "unit_added", message);
        }

        @EventHandler(payloadType = PropertyVerificationRequested.class)
        @DisallowReplay
        void verificationRequested(EventMessage<?> message) {
            use(Features.VERIFICATION_REQUESTS, "verification_requested", message);
        }

        @EventHandler(payloadType = LeaseActivationRequested.class)
        @DisallowReplay
        void leaseActivationRequested(EventMessage<?> message) {
            use(Features.LEASES_IN_FORCE, "lease_activation_requested", message);
        }

        @EventHandler(payloadType = HudApprovalRecorded.class)
        @DisallowReplay
        void hudApprovalRecorded(EventMessage<?> message) {
            use(Features.HUD_PROGRAMMES, "hud_approval_recorded", message);
        }

        /** A use by the user the event's metadata names (events without one, from processes, are nobody's use). */
        private void use(String feature, String action, EventMessage<?> message) {
            Object user = message.getMetaData().get("userId");
            if (user == null) {
                return;
            }
            patterns.record(new UsagePatterns.FeatureUse(UUID.fromString(user.toString()), featureId(feature), action,
                                                         message.getTimestamp(), message.getIdentifier()));
        }

        /** The catalog's id of a feature code, as the management model names features in usage patterns. */
        private String featureId(String code) {
            return featureIds.computeIfAbsent(code, c -> jdbc.queryForList(
                    "SELECT id::text FROM master_feature WHERE code = ?", String.class, c).stream().findFirst()
                                                             .orElse(c));
        }
    }

    /** Page views: every answered GET of the API by a signed-in user, by route, with its duration. */
    @Configuration(proxyBeanMethods = false)
    static class PageViews implements WebMvcConfigurer, HandlerInterceptor {

        private static final String STARTED = PageViews.class.getName() + ".started";

        private final UsagePatterns patterns;
        private final Clock clock = Clock.systemUTC();

        PageViews(UsagePatterns patterns) {
            this.patterns = patterns;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(this).addPathPatterns("/api/**");
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            request.setAttribute(STARTED, clock.instant());
            return true;
        }

        @Override
        public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                    Exception failure) {
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            Instant started = (Instant) request.getAttribute(STARTED);
            if (!"GET".equals(request.getMethod()) || pattern == null || started == null
                    || response.getStatus() >= 400) {
                return;
            }
            CurrentUser.get().ifPresent(user -> {
                Instant now = clock.instant();
                patterns.record(new UsagePatterns.PageView(user.id(), user.sessionId(), pattern.toString(), now,
                                                           now.toEpochMilli() - started.toEpochMilli()));
            });
        }
    }
}
