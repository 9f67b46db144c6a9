package io.alter8.command.notification;

import io.alter8.api.lease.LeaseProposed;
import io.alter8.api.property.PropertyRegistered;
import io.alter8.api.user.UserLoggedIn;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The notification processor handles only the events its rules and subjects need, and no rule goes unheard. */
class NotificationRulesHandlersTest {

    record RuleFor<E>(Class<E> eventType) implements NotificationRule<E> {

        @Override
        public List<Notice> notices(E event) {
            return List.of();
        }
    }

    @Test
    void aRuleForAnEventWithoutAHandlerFailsTheStartUp() {
        assertThatThrownBy(() -> new NotificationRules(List.of(new RuleFor<>(UserLoggedIn.class)), null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("UserLoggedIn");
    }

    @Test
    void theProcessorHandlesWhatRulesAreForAndNotEveryEvent() {
        new NotificationRules(List.of(new RuleFor<>(LeaseProposed.class)), null, null);

        assertThat(NotificationRules.handledTypes()).contains(LeaseProposed.class)
                                                    .doesNotContain(PropertyRegistered.class, Object.class);
    }
}
