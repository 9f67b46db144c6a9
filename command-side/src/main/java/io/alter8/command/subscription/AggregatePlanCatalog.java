package io.alter8.command.subscription;

import io.alter8.api.common.PlanId;
import io.alter8.command.AggregateQuestions;
import io.alter8.command.NotFound;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** {@link PlanCatalog} from the Plan aggregate, loaded in the caller's unit of work. */
@Component
class AggregatePlanCatalog implements PlanCatalog {

    private final Repository<Plan> plans;

    AggregatePlanCatalog(Repository<Plan> plans) {
        this.plans = plans;
    }

    @Override
    public Offer offer(PlanId planId) {
        return AggregateQuestions.ask(plans, planId, Plan::offer)
                                 .orElseThrow(() -> new NotFound("no plan " + planId));
    }
}
