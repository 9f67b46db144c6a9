package io.alter8.command.property;

import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.property.ChangeMonthlyRent;
import io.alter8.api.property.MonthlyRentChanged;
import io.alter8.api.property.PropertyRegistered;
import io.alter8.api.property.RegisterProperty;
import io.alter8.command.DomainRuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A property on offer. This slice holds its registration and rent; the catalog issue adds the rest. */
@Aggregate
class Property {

    private static final BigDecimal HALF = new BigDecimal("0.5");

    @AggregateIdentifier
    private PropertyId id;
    private PropertyRegistered registration;
    private Money monthlyRent;

    Property() {
        // for Axon
    }

    /**
     * Registering the same id again with the same details is a no-op, so a client may safely retry; with other
     * details it is refused.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterProperty command) {
        PropertyRegistered registered = new PropertyRegistered(
                command.propertyId(), command.title(), command.description(), command.propertyType(),
                command.address(), command.location(), command.bedrooms(), command.bathrooms(),
                command.monthlyRent());
        if (registration != null) {
            if (registration.equals(registered)) {
                return;
            }
            throw new DomainRuleViolation("property-already-registered",
                                          "property " + id + " is already registered with other details");
        }
        requireText(command.title(), "title");
        requirePositiveRent(command.monthlyRent());
        if (command.bedrooms() < 0) {
            throw new DomainRuleViolation("invalid-bedrooms", "bedrooms cannot be negative");
        }
        if (command.bathrooms() == null || command.bathrooms().signum() < 0
                || command.bathrooms().remainder(HALF).signum() != 0) {
            throw new DomainRuleViolation("invalid-bathrooms", "bathrooms come in halves (1, 1.5, 2 …)");
        }
        apply(registered);
    }

    @CommandHandler
    void handle(ChangeMonthlyRent command) {
        requirePositiveRent(command.monthlyRent());
        if (!command.monthlyRent().currency().equals(monthlyRent.currency())) {
            throw new DomainRuleViolation("currency-mismatch",
                                          "the rent of this property is in " + monthlyRent.currency());
        }
        if (command.monthlyRent().equals(monthlyRent)) {
            return;
        }
        apply(new MonthlyRentChanged(id, monthlyRent, command.monthlyRent()));
    }

    @EventSourcingHandler
    void on(PropertyRegistered event) {
        id = event.propertyId();
        registration = event;
        monthlyRent = event.monthlyRent();
    }

    @EventSourcingHandler
    void on(MonthlyRentChanged event) {
        monthlyRent = event.monthlyRent();
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new DomainRuleViolation("missing-" + field, field + " is required");
        }
    }

    private static void requirePositiveRent(Money rent) {
        if (rent == null || !rent.isPositive()) {
            throw new DomainRuleViolation("invalid-rent", "monthly rent must be more than zero");
        }
    }
}
