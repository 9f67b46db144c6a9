package io.alter8.command;


/**
 * A command would take an account beyond its plan (or the free tier): 403 with the problem type {@code plan-limit},
 * naming the feature, the limit (0 when the plan does not include the feature) and the usage counted.
 */
public class PlanLimitReached extends NotPermitted {

    private final String feature;
    private final int limit;
    private final long usage;

    public PlanLimitReached(String feature, int limit, long usage) {
        super(limit == 0 ? "the plan does not include " + feature
                         : "the plan allows " + limit + " of " + feature + " and " + usage + " are used");
        this.feature = feature;
        this.limit = limit;
        this.usage = usage;
    }

    public String feature() {
        return feature;
    }

    public int limit() {
        return limit;
    }

    public long usage() {
        return usage;
    }
}
