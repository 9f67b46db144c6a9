package io.alter8.command.audit;

import io.alter8.command.audit.AuditViews.AuditEventView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The why-timeline of one correlation id: the commands in the order their first event was stored, each with the
 * events it caused. A command a process sent in response to an event names that event ({@code triggeredBy}); the one
 * that started it all names none. Commands are not stored, so each is known by the id its events name as their
 * cause, and by the user and roles they carry.
 */
final class Correlations {

    record Step(String commandId, String triggeredBy, String userId, List<String> roles,
                List<AuditEventView> events) {
    }

    record CorrelationView(String correlationId, List<Step> steps) {
    }

    private Correlations() {
    }

    static CorrelationView timeline(String correlationId, List<AuditEventView> events) {
        Map<String, List<AuditEventView>> byCommand = new LinkedHashMap<>();
        for (AuditEventView event : events) {
            byCommand.computeIfAbsent(event.metadata().causationId(), c -> new ArrayList<>()).add(event);
        }
        List<Step> steps = new ArrayList<>();
        byCommand.forEach((command, caused) -> {
            AuditEventView first = caused.get(0);
            steps.add(new Step(command, first.metadata().commandCausationId(), first.metadata().userId(),
                               first.metadata().roles(), List.copyOf(caused)));
        });
        return new CorrelationView(correlationId, steps);
    }
}
