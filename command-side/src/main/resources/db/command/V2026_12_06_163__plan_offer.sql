-- The plans of the catalog and whether each is on the market, written with PlanDefined and PlanDeactivated
-- (PlanEntitlements), so the plan recommender can list the plans to choose from; their terms are the Plan
-- aggregate's.
CREATE TABLE plan_offer (
    plan_id UUID    PRIMARY KEY,
    active  BOOLEAN NOT NULL
);
