-- Subscriptions (management model subscription_plans, plan_features, subscriptions, feature_access usage), kept by
-- the subscriptions processor from the Plan and Subscription aggregates' events. Every row carries the sequence
-- number of the last event applied to it (version): an event at or below it changes nothing.
CREATE TABLE subscription_plan (
    id                      UUID PRIMARY KEY,
    plan_name               VARCHAR(100)  NOT NULL,
    plan_description        TEXT,
    currency                CHAR(3)       NOT NULL,
    price_per_unit          NUMERIC(14,2) NOT NULL,
    minimum_price           NUMERIC(14,2) NOT NULL,
    maximum_units           INTEGER,
    is_custom               BOOLEAN       NOT NULL,
    annual_discount_percent NUMERIC(5,2)  NOT NULL,
    -- [{"feature": "properties", "enabled": true, "usageLimit": 5}, …]
    features                JSONB         NOT NULL,
    is_active               BOOLEAN       NOT NULL,
    created_at              TIMESTAMPTZ   NOT NULL,
    updated_at              TIMESTAMPTZ   NOT NULL,
    version                 BIGINT        NOT NULL
);

CREATE TABLE subscription (
    id                    UUID PRIMARY KEY,
    account_id            UUID          NOT NULL UNIQUE,
    plan_id               UUID          NOT NULL,
    plan_name             VARCHAR(100)  NOT NULL,
    status                VARCHAR(10)   NOT NULL CHECK (status IN ('trial', 'active', 'cancelled', 'expired')),
    payment_frequency     VARCHAR(10)   NOT NULL CHECK (payment_frequency IN ('monthly', 'annual')),
    unit_count            INTEGER       NOT NULL,
    currency              CHAR(3)       NOT NULL,
    current_price         NUMERIC(14,2) NOT NULL,
    start_date            DATE          NOT NULL,
    -- the current period's end (a trial's end date; the day it ended once it has)
    end_date              DATE          NOT NULL,
    is_auto_renew         BOOLEAN       NOT NULL,
    cancel_at_period_end  BOOLEAN       NOT NULL DEFAULT FALSE,
    cancelled_at          TIMESTAMPTZ,
    cancellation_reason   TEXT,
    started_as_trial      BOOLEAN       NOT NULL,
    -- a trial that turned into a paid period
    converted_at          DATE,
    ended_on              DATE,
    created_at            TIMESTAMPTZ   NOT NULL,
    updated_at            TIMESTAMPTZ   NOT NULL,
    version               BIGINT        NOT NULL
);
CREATE INDEX subscription_plan_status ON subscription (plan_id, status);

-- Billing history: each period's invoice and each charge or credit of a change or cancellation, keyed by the event
-- that recorded it (subscription, sequence), so a replay writes the same rows.
CREATE TABLE subscription_billing (
    subscription_id UUID          NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    sequence        BIGINT        NOT NULL,
    account_id      UUID          NOT NULL,
    plan_id         UUID          NOT NULL,
    kind            VARCHAR(10)   NOT NULL CHECK (kind IN ('invoice', 'charge', 'credit')),
    invoice_number  INTEGER,
    period_start    DATE,
    period_end      DATE,
    currency        CHAR(3)       NOT NULL,
    amount          NUMERIC(14,2) NOT NULL,
    status          VARCHAR(10)   NOT NULL CHECK (status IN ('issued', 'recorded')),
    recorded_on     DATE          NOT NULL,
    recorded_at     TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (subscription_id, sequence)
);
CREATE INDEX subscription_billing_month ON subscription_billing (recorded_on, plan_id);

-- What each account uses of the features plans limit, one row per thing counted (a property, a unit, a
-- verification request of a month, a lease in force); period '' for what counts while it exists, else 'YYYY-MM'.
CREATE TABLE feature_usage (
    feature    VARCHAR(64) NOT NULL,
    item_id    UUID        NOT NULL,
    account_id UUID        NOT NULL,
    period     VARCHAR(7)  NOT NULL,
    counted_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (feature, item_id)
);
CREATE INDEX feature_usage_account ON feature_usage (account_id, feature, period);

-- Plan recommendations (management model ai_pricing_recommendations), from PlanRecommended and
-- RecommendationApplied; the rule is the cheapest plan that fits (docs/decisions.md), not a model.
CREATE TABLE plan_recommendation (
    id                    UUID PRIMARY KEY,
    subscription_id       UUID          NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    account_id            UUID          NOT NULL,
    current_plan_id       UUID          NOT NULL,
    recommended_plan_id   UUID          NOT NULL,
    recommended_plan_name VARCHAR(100)  NOT NULL,
    recommendation_reason TEXT          NOT NULL,
    currency              CHAR(3)       NOT NULL,
    current_price         NUMERIC(14,2) NOT NULL,
    recommended_price     NUMERIC(14,2) NOT NULL,
    estimated_savings     NUMERIC(14,2) NOT NULL,
    created_on            DATE          NOT NULL,
    expires_on            DATE          NOT NULL,
    is_applied            BOOLEAN       NOT NULL DEFAULT FALSE,
    applied_on            DATE
);
CREATE INDEX plan_recommendation_subscription ON plan_recommendation (subscription_id, created_on);
