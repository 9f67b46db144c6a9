package io.alter8.command;

import io.alter8.api.common.UserId;

import java.util.UUID;

/**
 * A command would take an account beyond its plan (or the free tier): 403 with the problem type {@code plan-limit},
 * naming the feature, the limit (0 when the plan does not include the feature) and the usage counted. Once it is
 * answered, {@link Hit} tells this process (the account hears of it).
 */
public class PlanLimitReached extends NotPermitted {

    /**
     * An account's command was refused for its plan's limit. Published in this process when the refusal is answered,
     * after the command's transaction is over: a refused command stores no event to say it.
     */
    public record Hit(UserId account, String feature, int limit, long usage) {
    }

    private final UUID account;
    private final String feature;
    private final int limit;
    private final long usage;

    /** {@code account}: whose plan it is (the property's owner when a manager or agent acts for them). */
    public PlanLimitReached(UserId account, String feature, int limit, long usage) {
        super(limit == 0 ? "the plan does not include " + feature
                         : "the plan allows " + limit + " of " + feature + " and " + usage + " are used");
        this.account = account == null ? null : account.value();
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

    /** What happened, for the account's notification; empty when the account is not known. */
    public java.util.Optional<Hit> hit() {
        return account == null ? java.util.Optional.empty()
                : java.util.Optional.of(new Hit(new UserId(account), feature, limit, usage));
    }
}
