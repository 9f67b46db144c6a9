package io.alter8.command.notification;

import io.alter8.command.process.Processes;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every {@link NotificationRule} on the events it is for, after their commit, on a processor of its own that
 * starts at the head of the stream (events from before it existed are not notified) and retries on errors. Its
 * handler is {@link DisallowReplay}, so Axon refuses to reset this processor at all (a replay would send
 * everything again), and {@link Notifier} refuses a notification already issued, whatever delivers its event twice. What the rules need to remember ({@link RuleMemory}) is written here too, in
 * the same transaction as the notifications and the processor's position.
 */
@Component
@ProcessingGroup(NotificationRules.PROCESSING_GROUP)
class NotificationRules {

    static final String PROCESSING_GROUP = "notification-rules";

    private final Map<Class<?>, List<NotificationRule<?>>> byEvent = new HashMap<>();
    private final List<RuleMemory> memories;
    private final Notifier notifier;

    NotificationRules(List<NotificationRule<?>> rules, List<RuleMemory> memories, Notifier notifier) {
        rules.forEach(rule -> byEvent.computeIfAbsent(rule.eventType(), t -> new java.util.ArrayList<>()).add(rule));
        this.memories = memories;
        this.notifier = notifier;
    }

    @EventHandler
    @DisallowReplay
    void on(Object event, EventMessage<?> message) {
        memories.forEach(memory -> memory.record(event, message.getIdentifier()));
        for (NotificationRule<?> rule : byEvent.getOrDefault(event.getClass(), List.of())) {
            for (Notice notice : notices(rule, event)) {
                notifier.issue(notice, message.getIdentifier());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <E> List<Notice> notices(NotificationRule<E> rule, Object event) {
        return rule.notices((E) event);
    }

    @Configuration
    static class ProcessConfiguration {

        @Bean
        ConfigurerModule notificationRulesProcessingGroup() {
            return Processes.processingGroup(PROCESSING_GROUP);
        }
    }
}
