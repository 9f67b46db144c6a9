package io.alter8.command.notification;

import io.alter8.api.lease.ChargeOverpaid;
import io.alter8.api.lease.CreditAllocated;
import io.alter8.api.lease.LateFeeApplied;
import io.alter8.api.lease.LateFeeWaived;
import io.alter8.api.lease.LeaseActivated;
import io.alter8.api.lease.LeaseApproved;
import io.alter8.api.lease.LeaseProposed;
import io.alter8.api.lease.LeaseTerminated;
import io.alter8.api.lease.LeaseTermsRevised;
import io.alter8.api.lease.PaymentRecorded;
import io.alter8.api.lease.RentChargeCancelled;
import io.alter8.api.lease.RentChargeScheduled;
import io.alter8.api.subscription.SubscriptionCancelled;
import io.alter8.api.subscription.SubscriptionChanged;
import io.alter8.api.subscription.SubscriptionEnded;
import io.alter8.api.subscription.SubscriptionReactivated;
import io.alter8.api.subscription.SubscriptionRenewed;
import io.alter8.api.subscription.SubscriptionStarted;
import io.alter8.api.user.PersonalDetailsChanged;
import io.alter8.api.user.UserRegistered;
import io.alter8.api.verification.VerificationAssigned;
import io.alter8.api.verification.VerificationCompleted;
import io.alter8.api.verification.VerificationOpened;
import io.alter8.api.verification.VerificationRejected;
import io.alter8.api.verification.VerificationScheduled;
import io.alter8.command.process.Processes;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs every {@link NotificationRule} on the events it is for, after their commit, on a processor of its own that
 * starts at the head of the stream (events from before it existed are not notified) and retries on errors. Its
 * handlers are {@link DisallowReplay}, so Axon refuses to reset this processor at all (a replay would send
 * everything again), and {@link Notifier} refuses a notification already issued, whatever delivers its event twice.
 * What the rules need to remember (each {@link RuleMemory}) is written here too, in the same transaction as the
 * notifications and the processor's position.
 * <p>
 * One handler per event type that a rule or a {@link RuleMemory} needs, rather than one for every event: the
 * processor then passes over the rest (most of the stream: properties, users' logins) without deserializing them,
 * opening a transaction or storing its position for them. A rule for a type without a handler here fails the
 * start-up, so it cannot be silently deaf; a memory's types are listed in its own class.
 */
@Component
@ProcessingGroup(NotificationRules.PROCESSING_GROUP)
class NotificationRules {

    static final String PROCESSING_GROUP = "notification-rules";

    private final Map<Class<?>, List<NotificationRule<?>>> byEvent = new HashMap<>();
    private final List<RuleMemory> memories;
    private final Notifier notifier;

    NotificationRules(List<NotificationRule<?>> rules, List<RuleMemory> memories, Notifier notifier) {
        Set<Class<?>> handled = handledTypes();
        rules.forEach(rule -> {
            if (!handled.contains(rule.eventType())) {
                throw new IllegalStateException(rule.getClass().getSimpleName() + " is for "
                        + rule.eventType().getSimpleName() + ", which NotificationRules has no handler for");
            }
            byEvent.computeIfAbsent(rule.eventType(), t -> new ArrayList<>()).add(rule);
        });
        this.memories = memories;
        this.notifier = notifier;
    }

    /** The event types this processor handles: the first parameter of each handler. */
    static Set<Class<?>> handledTypes() {
        return Arrays.stream(NotificationRules.class.getDeclaredMethods())
                     .filter(method -> method.isAnnotationPresent(EventHandler.class))
                     .map(method -> method.getParameterTypes()[0])
                     .collect(Collectors.toSet());
    }

    @EventHandler
    @DisallowReplay
    void on(LeaseProposed event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    @DisallowReplay
    void on(LeaseTermsRevised event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    @DisallowReplay
    void on(LeaseApproved event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    @DisallowReplay
    void on(LeaseActivated event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    @DisallowReplay
    void on(LeaseTerminated event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    @DisallowReplay
    void on(RentChargeScheduled event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    @DisallowReplay
    void on(RentChargeCancelled event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    @DisallowReplay
    void on(LateFeeApplied event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    @DisallowReplay
    void on(LateFeeWaived event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    @DisallowReplay
    void on(PaymentRecorded event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    @DisallowReplay
    void on(CreditAllocated event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    @DisallowReplay
    void on(ChargeOverpaid event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    @DisallowReplay
    void on(VerificationOpened event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    @DisallowReplay
    void on(VerificationAssigned event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    @DisallowReplay
    void on(VerificationScheduled event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    @DisallowReplay
    void on(VerificationCompleted event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    @DisallowReplay
    void on(VerificationRejected event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    @DisallowReplay
    void on(UserRegistered event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    @DisallowReplay
    void on(PersonalDetailsChanged event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    @DisallowReplay
    void on(SubscriptionStarted event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    @DisallowReplay
    void on(SubscriptionRenewed event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    @DisallowReplay
    void on(SubscriptionChanged event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    @DisallowReplay
    void on(SubscriptionCancelled event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    @DisallowReplay
    void on(SubscriptionEnded event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    @DisallowReplay
    void on(SubscriptionReactivated event, EventMessage<?> message) {
        handle(event, message);
    }

    private void handle(Object event, EventMessage<?> message) {
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
