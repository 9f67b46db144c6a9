package io.alter8.command.subscription;

import io.alter8.api.common.PlanId;
import io.alter8.command.AggregateQuestions;
import io.alter8.command.NotFound;
import org.axonframework.modelling.command.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** {@link PlanCatalog} from the Plan aggregate, loaded in the caller's unit of work. */
@Component
class AggregatePlanCatalog implements PlanCatalog {

    private final Repository<Plan> plans;
    private final JdbcTemplate jdbc;

    AggregatePlanCatalog(Repository<Plan> plans, JdbcTemplate jdbc) {
        this.plans = plans;
        this.jdbc = jdbc;
    }

    @Override
    public List<Offer> offers() {
        return jdbc.queryForList("SELECT plan_id FROM plan_offer WHERE active ORDER BY plan_id", UUID.class).stream()
                   .map(id -> offer(new PlanId(id))).toList();
    }

    @Override
    public Offer offer(PlanId planId) {
        return AggregateQuestions.ask(plans, planId, Plan::offer)
                                 .orElseThrow(() -> new NotFound("no plan " + planId));
    }
}
