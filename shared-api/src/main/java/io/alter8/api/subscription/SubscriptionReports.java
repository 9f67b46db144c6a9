package io.alter8.api.subscription;

import io.alter8.api.common.Money;
import io.alter8.api.common.PlanId;

import java.math.BigDecimal;

/** The reports on subscriptions that admins and analysts read. */
public final class SubscriptionReports {

    private SubscriptionReports() {
    }

    /** What was billed on a plan in a month ({@code 2026-12}): invoices and charges less credits. */
    public record Revenue(String month, PlanId planId, String planName, Money amount) {
    }

    /**
     * Of the subscriptions in force at the start of {@code month}, how many ended in it (cancelled or expired);
     * {@code rate} is ended / inForceAtStart, null when none were in force.
     */
    public record Churn(String month, long inForceAtStart, long ended, BigDecimal rate) {
    }

    /** Trials by the month they started: how many converted to a paid period, ended without, or still run. */
    public record TrialConversion(String month, long trials, long converted, long ended, long running,
                                  BigDecimal rate) {
    }
}
