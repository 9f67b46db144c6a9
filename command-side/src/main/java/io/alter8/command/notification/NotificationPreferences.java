package io.alter8.command.notification;

import io.alter8.api.common.NotificationChannel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Time;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Each user's choices: which channels per notification type (in-app and e-mail unless they chose otherwise; an
 * urgent notification also goes by SMS), and quiet hours during which messages wait, unless urgent.
 */
@Component
class NotificationPreferences {

    static final Set<NotificationChannel> DEFAULT = EnumSet.of(NotificationChannel.IN_APP, NotificationChannel.EMAIL);
    private static final TypeReference<Map<String, List<String>>> CHANNELS = new TypeReference<>() {
    };

    /** A user's stored choices; {@code quietStart} and {@code quietEnd} both null for none. */
    record Stored(Map<String, List<String>> channels, LocalTime quietStart, LocalTime quietEnd, String timeZone) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    NotificationPreferences(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Stored of(UUID userId) {
        return jdbc.query("SELECT channels::text, quiet_start, quiet_end, time_zone FROM notification_preference "
                          + "WHERE user_id = ?",
                          (rs, i) -> new Stored(json.readValue(rs.getString(1), CHANNELS), time(rs.getTime(2)),
                                                time(rs.getTime(3)), rs.getString(4)), userId)
                   .stream().findFirst().orElse(new Stored(Map.of(), null, null, "UTC"));
    }

    void save(UUID userId, Stored stored) {
        jdbc.update("""
                INSERT INTO notification_preference (user_id, channels, quiet_start, quiet_end, time_zone, updated_at)
                VALUES (?, ?::jsonb, ?, ?, ?, now())
                ON CONFLICT (user_id) DO UPDATE SET channels = EXCLUDED.channels, quiet_start = EXCLUDED.quiet_start,
                    quiet_end = EXCLUDED.quiet_end, time_zone = EXCLUDED.time_zone, updated_at = now()""",
                    userId, json.writeValueAsString(new LinkedHashMap<>(stored.channels())),
                    stored.quietStart() == null ? null : Time.valueOf(stored.quietStart()),
                    stored.quietEnd() == null ? null : Time.valueOf(stored.quietEnd()), stored.timeZone());
    }

    /** The channels a notification of {@code type} goes by to this user. */
    Set<NotificationChannel> channels(Stored stored, String type, Priority priority) {
        List<String> chosen = stored.channels().get(type);
        Set<NotificationChannel> channels = EnumSet.noneOf(NotificationChannel.class);
        if (chosen == null) {
            channels.addAll(DEFAULT);
            if (priority == Priority.URGENT) {
                channels.add(NotificationChannel.SMS);
            }
        } else {
            chosen.forEach(c -> channels.add(NotificationChannel.fromWire(c)));
        }
        return channels;
    }

    /** When a message may go out: now, or, inside quiet hours and not urgent, when they end. */
    Instant notBefore(Stored stored, Priority priority, Instant now) {
        if (stored.quietStart() == null || priority == Priority.URGENT) {
            return now;
        }
        ZonedDateTime local = now.atZone(ZoneId.of(stored.timeZone()));
        LocalTime time = local.toLocalTime();
        LocalTime start = stored.quietStart();
        LocalTime end = stored.quietEnd();
        boolean quiet = start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
        if (!quiet) {
            return now;
        }
        ZonedDateTime until = local.with(end);
        return (until.isAfter(local) ? until : until.plusDays(1)).toInstant();
    }

    private static LocalTime time(Time time) {
        return time == null ? null : time.toLocalTime();
    }
}
