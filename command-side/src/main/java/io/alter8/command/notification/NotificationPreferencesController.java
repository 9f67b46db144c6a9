package io.alter8.command.notification;

import io.alter8.api.common.NotificationChannel;
import io.alter8.api.user.Role;
import io.alter8.web.ApiException;
import io.alter8.web.FieldError;
import io.alter8.web.security.AccessRules;
import io.alter8.web.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A user's notification preferences: channels per notification type and quiet hours. Kept beside delivery on the
 * command side, which applies them; the user themselves or an admin reads and sets them, anyone else gets 404.
 */
@RestController
@Tag(name = "Notifications", description = "Delivery of messages to people")
class NotificationPreferencesController {

    /** The notification types a user can choose channels for: the rules' types. */
    static final Set<String> TYPES = Set.of("new_application", "lease_ready_to_approve", "lease_ready_to_sign",
                                            "lease_activated", "lease_ending_soon", "lease_ended",
                                            "verification_assigned", "verification_scheduled",
                                            "verification_completed", "verification_rejected",
                                            "payment_due_soon", "payment_overdue", "late_fee_applied",
                                            "late_fee_waived", "payment_received", "subscription_renewing",
                                            "subscription_expired", "plan_limit_reached",
                                            ChatNotifications.TYPE);

    private final NotificationPreferences preferences;

    NotificationPreferencesController(NotificationPreferences preferences) {
        this.preferences = preferences;
    }

    /** Quiet hours as {@code HH:mm} in an IANA time zone; start after end spans midnight. */
    record QuietHours(String start, String end, String timeZone) {
    }

    /** {@code channels}: per notification type, the channels it goes by; types left out keep the default. */
    record NotificationPreferencesInput(Map<String, List<String>> channels, QuietHours quietHours) {
    }

    record NotificationPreferencesView(UUID userId, Map<String, List<String>> channels, List<String> defaultChannels,
                                       QuietHours quietHours) {
    }

    @GetMapping(value = "/api/users/{id}/notification-preferences", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A user's notification preferences",
               description = "The user or an admin; 404 for anyone else.")
    NotificationPreferencesView get(@PathVariable UUID id) {
        requireSelfOrAdmin(id);
        return view(id, preferences.of(id));
    }

    @PutMapping(value = "/api/users/{id}/notification-preferences", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set a user's notification preferences",
               description = "The user or an admin. Channels per type from in_app, email, sms, whatsapp (an empty list "
                       + "silences a type); quiet hours delay all but urgent messages. 400 names every bad field.")
    NotificationPreferencesView put(@PathVariable UUID id, @RequestBody NotificationPreferencesInput input) {
        requireSelfOrAdmin(id);
        List<FieldError> errors = new ArrayList<>();
        Map<String, List<String>> channels = new LinkedHashMap<>();
        Set<String> allowed = Arrays.stream(NotificationChannel.values()).map(NotificationChannel::wire)
                                    .collect(Collectors.toSet());
        (input.channels() == null ? Map.<String, List<String>>of() : input.channels()).forEach((type, list) -> {
            if (!TYPES.contains(type)) {
                errors.add(new FieldError("channels." + type, "not a notification type: one of "
                        + String.join(", ", TYPES.stream().sorted().toList())));
            } else if (list == null || list.stream().anyMatch(c -> !allowed.contains(c))) {
                errors.add(new FieldError("channels." + type, "each must be one of: in_app, email, sms, whatsapp"));
            } else {
                channels.put(type, List.copyOf(new java.util.LinkedHashSet<>(list)));
            }
        });
        LocalTime start = null;
        LocalTime end = null;
        String zone = "UTC";
        QuietHours quiet = input.quietHours();
        if (quiet != null) {
            start = time(quiet.start(), "quietHours.start", errors);
            end = time(quiet.end(), "quietHours.end", errors);
            if (start != null && start.equals(end)) {
                errors.add(new FieldError("quietHours.end", "must differ from start"));
            }
            zone = quiet.timeZone() == null ? "UTC" : quiet.timeZone();
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                errors.add(new FieldError("quietHours.timeZone", "must be an IANA time zone such as Asia/Kolkata"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        NotificationPreferences.Stored stored = new NotificationPreferences.Stored(channels, start, end, zone);
        preferences.save(id, stored);
        return view(id, stored);
    }

    private static LocalTime time(String text, String field, List<FieldError> errors) {
        if (text == null || !text.matches("\\d{2}:\\d{2}")) {
            errors.add(new FieldError(field, "must be a time HH:mm"));
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a time HH:mm"));
            return null;
        }
    }

    private static NotificationPreferencesView view(UUID id, NotificationPreferences.Stored stored) {
        QuietHours quiet = stored.quietStart() == null ? null
                : new QuietHours(stored.quietStart().toString(), stored.quietEnd().toString(), stored.timeZone());
        return new NotificationPreferencesView(id, stored.channels(), NotificationPreferences.DEFAULT.stream()
                .map(NotificationChannel::wire).toList(), quiet);
    }

    private static void requireSelfOrAdmin(UUID id) {
        CurrentUser me = CurrentUser.require();
        if (!me.id().equals(id) && !me.hasAnyRole(Role.ADMIN.wire(), Role.SUPER_ADMIN.wire())) {
            throw ApiException.notFound("user", id);
        }
    }

    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers("/api/users/*/notification-preferences").authenticated();
        }
    }
}
