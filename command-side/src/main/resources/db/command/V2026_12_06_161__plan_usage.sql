-- What the command side must know, in the transaction of a command, to enforce plan limits. Each table is written
-- by a handler in the transaction of the events it follows (PlanEntitlements, PlanUsage), so it can never lag
-- behind them and a failing limit check stores nothing.

-- The features of each plan as its last PlanDefined/PlanRevised said.
CREATE TABLE plan_entitlement (
    plan_id     UUID        NOT NULL,
    feature     VARCHAR(64) NOT NULL,
    enabled     BOOLEAN     NOT NULL,
    usage_limit INTEGER,
    PRIMARY KEY (plan_id, feature)
);

-- The one subscription of each account, its plan, whether it is in force and when its period ends (the renewal
-- job's work list). The primary key keeps an account to one subscription even when two starts race.
CREATE TABLE account_subscription (
    account_id      UUID        PRIMARY KEY,
    subscription_id UUID        NOT NULL UNIQUE,
    plan_id         UUID        NOT NULL,
    status          VARCHAR(16) NOT NULL,
    period_end      DATE        NOT NULL
);
CREATE INDEX account_subscription_due ON account_subscription (period_end) WHERE status IN ('trial', 'active');

-- One row per thing counted against a limit: a property, a unit, a verification request (period = its month,
-- 'YYYY-MM'), a lease in force (period '' for what is counted while it exists). Released things are deleted.
CREATE TABLE plan_usage_claim (
    feature    VARCHAR(64) NOT NULL,
    item_id    UUID        NOT NULL,
    account_id UUID        NOT NULL,
    period     VARCHAR(7)  NOT NULL,
    claimed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (feature, item_id)
);
CREATE INDEX plan_usage_claim_account ON plan_usage_claim (account_id, feature, period);

-- The row a claim locks first, so two commands counting the same account's feature in the same period take turns:
-- the second counts after the first committed, and the limit holds under concurrency.
CREATE TABLE plan_usage_lock (
    account_id UUID        NOT NULL,
    feature    VARCHAR(64) NOT NULL,
    period     VARCHAR(7)  NOT NULL,
    PRIMARY KEY (account_id, feature, period)
);
