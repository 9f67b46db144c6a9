package io.alter8.command.subscription;

import io.alter8.api.common.PlanId;
import io.alter8.api.subscription.PlanTerms;

import java.util.List;

/** The plans a subscription may be on, as their own events say. */
interface PlanCatalog {

    /** A plan's terms and whether it is on the market ({@code active}). */
    record Offer(PlanId planId, PlanTerms terms, boolean active) {
    }

    /** The plan, or a 404 when there is none with that id. */
    Offer offer(PlanId planId);

    /** Every plan on the market. */
    List<Offer> offers();
}
