package io.alter8.command.subscription;

import io.alter8.api.common.FeatureId;
import io.alter8.api.subscription.DefineFeature;
import io.alter8.api.subscription.FeatureDefined;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotPermitted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static io.alter8.command.CommandArguments.actor;

/**
 * A feature admins added to the catalog; the master data's features are rows of {@code master_feature} from its
 * migration. The code is unique across both: {@link PlanEntitlements} writes the row in the event's transaction.
 */
@Aggregate
class Feature {

    @AggregateIdentifier
    private FeatureId id;
    private FeatureDefined definition;

    Feature() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DefineFeature command, FeatureCatalog catalog) {
        if (!actor(command.requestedBy()).role().isAdmin()) {
            throw new NotPermitted("only admins extend the feature catalog");
        }
        FeatureDefined event = new FeatureDefined(command.featureId(), command.code(), command.name(),
                                                  command.description(), command.category(),
                                                  command.requestedBy().userId());
        if (definition != null) {
            if (definition.equals(event)) {
                return;
            }
            throw new DomainRuleViolation("feature-exists", "the feature " + command.code() + " is defined already");
        }
        if (catalog.exists(command.code())) {
            throw new DomainRuleViolation("feature-exists", "the feature " + command.code() + " is in the catalog");
        }
        org.axonframework.modelling.command.AggregateLifecycle.apply(event);
    }

    @EventSourcingHandler
    void on(FeatureDefined event) {
        id = event.featureId();
        definition = event;
    }
}
